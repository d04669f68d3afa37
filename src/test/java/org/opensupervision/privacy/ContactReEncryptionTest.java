package org.opensupervision.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensupervision.IntegrationTest;

import org.opensupervision.handling.CaseDriver;
import org.opensupervision.privacy.ComplainantPrivacyTest.Complainant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.web.servlet.MockMvc;

/**
 * After a key change: values under the retired key (and plain values from before encryption) stay readable, and the
 * re-encryption moves them to the active key, in batches, logging its progress.
 */
@ExtendWith(OutputCaptureExtension.class)
class ContactReEncryptionTest extends IntegrationTest {

    static final String RETIRED = "retired-test-key";

    @Autowired
    CaseDriver cases;
    @Autowired
    ComplainantContactSource contacts;
    @Autowired
    ContactReEncryption reEncryption;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;
    @Value("${supervision.privacy.keys." + RETIRED + "}")
    String retiredKey;

    @Test
    void valuesUnderARetiredKeyOrInPlainTextAreMovedToTheActiveKey(CapturedOutput output) {
        Complainant who = Complainant.distinctive();
        String trackingNumber = cases.file(who.submission("ROTATE" + System.nanoTime()));
        for (int i = 0; i < 2; i++) {
            cases.file(Complainant.distinctive().submission("ROTATE" + System.nanoTime()));
        }
        ContactCipher retired = new ContactCipher(new PrivacyProperties(Map.of(RETIRED, retiredKey), RETIRED, 1,
                false), new MockEnvironment());
        // As the row would look if written under the retired key, and (the phone) before encryption existed.
        jdbc.update("update complaint set contact_name = ?, contact_phone = ?, contact_email = ? "
                + "where tracking_number = ?", retired.encrypt(who.name()), who.phone(), retired.encrypt(who.email()),
                trackingNumber);
        assertThat(contact(trackingNumber).name()).isEqualTo(who.name());
        assertThat(contact(trackingNumber).phone()).isEqualTo(who.phone());

        ContactReEncryption.Result result = reEncryption.run();

        assertThat(result.activeKey()).isEqualTo("development-only");
        assertThat(result.valuesReEncrypted()).isGreaterThanOrEqualTo(3);
        assertThat(result.rowsScanned()).isGreaterThanOrEqualTo(1);
        Map<String, Object> row = jdbc.queryForMap("select contact_name, contact_phone, contact_email from complaint "
                + "where tracking_number = ?", trackingNumber);
        assertThat(row.values()).allSatisfy(v -> assertThat((String) v).startsWith("gcm:development-only:"));
        assertThat(contact(trackingNumber)).isEqualTo(new ComplainantContact(who.name(), who.phone(), who.email()));
        // Batches of two rows (test configuration): three complaints at least, two progress lines at least.
        assertThat(output.getOut().lines().filter(l -> l.contains("Re-encryption of complaint:")))
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(output.getOut()).contains("Re-encryption finished").doesNotContain(who.values());

        // A second run finds nothing left to do.
        assertThat(reEncryption.run().valuesReEncrypted()).isZero();
    }

    @Test
    void onlyAdministratorsStartTheReEncryptionThroughTheApi() throws Exception {
        mvc.perform(post("/api/privacy/re-encryption").with(httpBasic("supervisor", "supervisor")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:opensupervision:problem:forbidden"));
        mvc.perform(post("/api/privacy/re-encryption").with(httpBasic("demo", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.activeKey").value("development-only"))
                .andExpect(jsonPath("$.valuesReEncrypted").value(0));
    }

    /** The contact data as the complaint module decrypts them for the privacy module. */
    private ComplainantContact contact(String trackingNumber) {
        return contacts.contactOf(trackingNumber).orElseThrow();
    }
}
