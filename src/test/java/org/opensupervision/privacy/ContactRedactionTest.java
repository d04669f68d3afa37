package org.opensupervision.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

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

    @Test
    void addressesNextToEachOtherAndNearMissesAreMaskedAsBefore() {
        assertThat(ContactRedaction.redact("a@b.cn@c.com x@y a@b..cn mail:li@x-y.example.org. end"))
                .isEqualTo("***@b.cn@c.com x@y a@b..cn mail:***@x-y.example.org. end");
        assertThat(ContactRedaction.redact("@example.com and user@ and @@ and u@v.w")).isEqualTo(
                "@example.com and user@ and @@ and ***@v.w");
    }

    @Test
    void aMegabyteLineOfAnyShapeIsMaskedInUnderASecond() {
        int size = 1024 * 1024;
        List<String> hostile = List.of(
                "a".repeat(size),                                  // one endless local part, no @
                "a.".repeat(size / 2),                             // dots and letters, no @
                "a".repeat(size - 1) + "@",                        // an @ at the very end
                "a@".repeat(size / 2),                             // @ after @
                "a@b.".repeat(size / 4),                           // domains that never get a second label
                "x".repeat(size / 2) + "@" + "b.".repeat(size / 4), // a huge address with a huge domain
                "1".repeat(size),                                  // digits only
                "+86 ".repeat(size / 4),
                "13800138000 zhang@example.com ".repeat(size / 30));
        for (String line : hostile) {
            long started = System.nanoTime();
            String masked = ContactRedaction.redact(line);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).as("masking %s…", line.substring(0, 12)).isLessThan(Duration.ofSeconds(1));
            assertThat(masked).isNotNull();
        }
        String mixed = ContactRedaction.redact("13800138000 zhang@example.com ".repeat(size / 30));
        assertThat(mixed).doesNotContain("zhang@", "13800138000").contains("138****8000 ***@example.com ");
    }
}
