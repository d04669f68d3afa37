package org.opensupervision.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.opensupervision.audit.AuditEntry;
import org.opensupervision.audit.AuditSource;
import org.opensupervision.audit.AuditTrail;
import org.opensupervision.handling.CaseDriver;
import org.opensupervision.privacy.ComplainantPrivacyTest.Complainant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The supervision office reveals one case's contact data to a department or a user, audited and revocable. */
class ContactRevealApiTest extends IntegrationTest {

    static final String HANDLER = "handler-gd-drc";
    static final String OTHER_HANDLER = "handler-gd-edu";

    @Autowired
    MockMvc mvc;
    @Autowired
    CaseDriver cases;
    @Autowired
    ObjectMapper json;
    @Autowired
    AuditTrail trail;

    private ResultActions as(String user, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder r)
            throws Exception {
        return mvc.perform(r.with(httpBasic(user, user)).accept(MediaType.APPLICATION_JSON));
    }

    private ResultActions grant(String user, String trackingNumber, String body) throws Exception {
        return as(user, post("/api/complaints/" + trackingNumber + "/contact-reveals")
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private String complaintAs(String user, String trackingNumber) throws Exception {
        return as(user, get("/api/complaints/" + trackingNumber)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    private String filed(Complainant who) {
        String trackingNumber = cases.file(who.submission("REVEAL" + System.nanoTime()));
        cases.runDueJobs(trackingNumber);
        return trackingNumber;
    }

    @Test
    void onlyTheSupervisionOfficeGrantsListsAndRevokes() throws Exception {
        String trackingNumber = filed(Complainant.distinctive());
        String body = "{\"reason\":\"回访需要\"}";

        grant(HANDLER, trackingNumber, body).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:opensupervision:problem:forbidden"));
        as(HANDLER, get("/api/complaints/" + trackingNumber + "/contact-reveals")).andExpect(status().isForbidden());
        as("inspector", delete("/api/complaints/" + trackingNumber + "/contact-reveals/1"))
                .andExpect(status().isForbidden());
        grant("supervisor", "TS20200101-NOSUCH", body).andExpect(status().isNotFound());
        as("demo", get("/api/complaints/" + trackingNumber + "/contact-reveals")).andExpect(status().isOk())
                .andExpect(jsonPath("$.grants").isEmpty());
    }

    @Test
    void aRevealNeedsAReasonAndAKnownDepartmentOrUser() throws Exception {
        String trackingNumber = filed(Complainant.distinctive());

        grant("supervisor", trackingNumber, "{\"reason\":\"  \"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"))
                .andExpect(jsonPath("$.errors[0].code").value("contactReveal.reason.required"))
                .andExpect(jsonPath("$.errors[0].message").value("请填写授权查看投诉人联系方式的理由。"));
        grant("supervisor", trackingNumber, "{\"reason\":\"a\\u0000b\",\"userId\":\"x\\u0000\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "reason", "userId")))
                .andExpect(jsonPath("$.errors[0].code").value("field.controlCharacters"));
        grant("supervisor", trackingNumber, "{\"departmentCode\":\"GD-NOPE\",\"userId\":\"nobody\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "reason", "userId", "departmentCode", "userId")));
        mvc.perform(post("/api/complaints/" + trackingNumber + "/contact-reveals").with(httpBasic("supervisor",
                        "supervisor")).header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message")
                        .value("Give the reason for revealing the complainant's contact details."));
        assertThat(json.readTree(as("supervisor", get("/api/complaints/" + trackingNumber + "/contact-reveals"))
                .andReturn().getResponse().getContentAsString()).get("grants")).isEmpty();
    }

    @Test
    void aDepartmentRevealShowsTheContactToThatDepartmentOnlyIsAuditedAndCanBeRevoked() throws Exception {
        Complainant who = Complainant.distinctive();
        String trackingNumber = filed(who);
        assertThat(complaintAs(HANDLER, trackingNumber)).doesNotContain(who.values());

        String created = grant("supervisor", trackingNumber, "{\"reason\":\"需电话回访核实情况\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.departmentCode").value("GD-DRC"))
                .andExpect(jsonPath("$.grantedBy").value("supervisor"))
                .andExpect(jsonPath("$.reason").value("需电话回访核实情况"))
                .andExpect(jsonPath("$.active").value(true))
                .andReturn().getResponse().getContentAsString();
        long id = json.readTree(created).get("id").asLong();

        assertThat(complaintAs(HANDLER, trackingNumber)).contains(who.values());
        assertThat(as(HANDLER, get("/staff/complaints/" + trackingNumber).accept(MediaType.TEXT_HTML)).andReturn()
                .getResponse().getContentAsString()).contains(who.values());
        // Another department does not even see the case (department scope, docs/security.md).
        as(OTHER_HANDLER, get("/api/complaints/" + trackingNumber)).andExpect(status().isNotFound());

        JsonNode audit = json.readTree(as("supervisor", get("/api/complaints/" + trackingNumber + "/contact-reveals"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(audit.get("grants")).hasSize(1);
        assertThat(audit.get("views").findValuesAsText("viewer")).containsExactly(HANDLER, HANDLER);
        assertThat(audit.get("views").findValuesAsText("channel")).containsExactly("API", "PAGE");
        assertThat(audit.get("views").findValuesAsText("revealId")).containsOnly(String.valueOf(id));

        as("supervisor", delete("/api/complaints/" + trackingNumber + "/contact-reveals/" + id))
                .andExpect(status().isNoContent());
        as("supervisor", delete("/api/complaints/" + trackingNumber + "/contact-reveals/" + id))
                .andExpect(status().isNoContent());
        as("supervisor", delete("/api/complaints/" + trackingNumber + "/contact-reveals/999999"))
                .andExpect(status().isNotFound());
        assertThat(complaintAs(HANDLER, trackingNumber)).doesNotContain(who.values()).contains("contactWithheld");
        as("supervisor", get("/api/complaints/" + trackingNumber + "/contact-reveals"))
                .andExpect(jsonPath("$.grants[0].active").value(false))
                .andExpect(jsonPath("$.grants[0].revokedBy").value("supervisor"))
                .andExpect(jsonPath("$.grants[0].revokedAt").isNotEmpty());

        // The same staff actions in the case's hash-chained trail: who, what, why; never the contact data.
        List<AuditEntry> reveals = trail.entriesOf(trackingNumber).stream()
                .filter(e -> e.kind().startsWith("CONTACT_REVEAL_")).toList();
        assertThat(reveals).extracting(AuditEntry::kind, AuditEntry::actor).containsExactly(
                tuple("CONTACT_REVEAL_GRANTED", "supervisor"), tuple("CONTACT_REVEAL_VIEWED", HANDLER),
                tuple("CONTACT_REVEAL_VIEWED", HANDLER), tuple("CONTACT_REVEAL_REVOKED", "supervisor"));
        assertThat(reveals).allSatisfy(e -> {
            assertThat(e.source()).isEqualTo(AuditSource.STAFF);
            assertThat(e.element()).isEqualTo("contact-reveal-" + id);
            for (String value : who.values()) {
                assertThat(e.detail() + e.reason()).doesNotContain(value);
            }
        });
        assertThat(reveals.get(0).reason()).isEqualTo("需电话回访核实情况");
        assertThat(reveals.get(0).detail()).contains("GD-DRC");
        assertThat(reveals.get(1).detail()).contains("API");
        assertThat(reveals.get(2).detail()).contains("PAGE");
        assertThat(trail.verify(trackingNumber).intact()).isTrue();
    }

    @Test
    void aUserRevealShowsTheContactToThatUserOnly() throws Exception {
        Complainant who = Complainant.distinctive();
        String trackingNumber = filed(who);

        // The evaluation office reads every case but no contact data, until a reveal names one of its users.
        assertThat(complaintAs("evaluator", trackingNumber)).doesNotContain(who.values());
        grant("demo", trackingNumber, "{\"reason\":\"满意度回访核实\",\"userId\":\"evaluator\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.userId").value("evaluator"));

        assertThat(complaintAs("evaluator", trackingNumber)).contains(who.values());
        assertThat(complaintAs(HANDLER, trackingNumber)).doesNotContain(who.values());
    }
}
