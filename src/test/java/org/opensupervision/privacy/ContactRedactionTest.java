package org.opensupervision.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opensupervision.privacy.logging.ContactRedaction;

class ContactRedactionTest {

    @Test
    void phoneNumbersAndEmailAddressesAreMasked() {
        assertThat(ContactRedaction.redact("call 13800138000 or +8613912345678, mail zhang.san+x@mail.example.com.cn"))
                .isEqualTo("call 138****8000 or +86139****5678, mail ***@mail.example.com.cn");
        assertThat(ContactRedaction.redact("office 020-83133333 or 075512345678"))
                .isEqualTo("office 020-******** or 0755-********");
        assertThat(ContactRedaction.redact("{\"message\":\"to a@b.cn\"}")).isEqualTo("{\"message\":\"to ***@b.cn\"}");
    }

    @Test
    void trackingNumbersCaseNumbersTimesAndIdsAreLeftAlone() {
        String line = "TS20261126-7K3QHM case 44000020260302001 at 2026-03-02T01:00:00Z epoch 1772413200000 "
                + "instance 3f2a1c0e-9b7d-11ef-8c2a-0242ac120002 due PT24H";
        assertThat(ContactRedaction.redact(line)).isEqualTo(line);
        assertThat(ContactRedaction.redact(null)).isNull();
    }
}
