package org.opensupervision.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensupervision.IntegrationTest;
import org.opensupervision.ReceivedMail;
import org.opensupervision.complaint.ComplaintFacts;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.handling.CaseDriver;
import org.opensupervision.intake.ComplaintSubmission;
import org.opensupervision.workflow.ComplaintProcess.Activity;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A named complaint goes through every step a department takes (reminders, first feedback, handling, a supervision
 * notice, the reply): its complainant's name, phone and e-mail never reach the department (API, pages, Tasklist
 * variables, mails), the log, or the database in plain text; the supervision office sees them.
 */
@ExtendWith(OutputCaptureExtension.class)
class ComplainantPrivacyTest extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    CaseDriver cases;
    @Autowired
    ComplaintRecords records;
    @Autowired
    HistoryService history;
    @Autowired
    RuntimeService runtime;
    @Autowired
    FormService forms;
    @Autowired
    JdbcTemplate jdbc;

    /** A complainant nobody else in the suite has. */
    record Complainant(String name, String phone, String email) {

        static Complainant distinctive() {
            long n = ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
            return new Complainant("隐私测试人" + n, "139" + n, "privacy." + n + "@complainant.example.org");
        }

        List<String> values() {
            return List.of(name, phone, email);
        }

        ComplaintSubmission submission(String marker) {
            ComplaintSubmission s = CaseDriver.submission("GD-DRC", "SLOW_ACTION", email);
            s.setTitle(marker + " 项目核准逾期");
            s.getContact().setName(name);
            s.getContact().setPhone(phone);
            return s;
        }
    }

    @Test
    void aDepartmentNeverSeesWhoComplainedWhileTheSupervisionOfficeDoes(CapturedOutput output) throws Exception {
        Complainant who = Complainant.distinctive();
        String marker = "PRIVACY" + System.nanoTime();
        String trackingNumber = cases.file(who.submission(marker));
        cases.runDueJobs(trackingNumber);
        String handler = "handler-" + complaint(trackingNumber).handlingDepartmentCode().toLowerCase();

        cases.advance(trackingNumber, Duration.ofHours(21));
        cases.complete(trackingNumber, Activity.TRIAGE, Map.of("triageDecision", "ACCEPT"));
        List<Object> formValues = new ArrayList<>(forms.getTaskFormVariables(
                cases.task(trackingNumber, Activity.FIRST_FEEDBACK).getId()).values());
        cases.complete(trackingNumber, Activity.FIRST_FEEDBACK, Map.of("firstFeedbackText", "已受理，正在核查。"));
        cases.advanceTo(trackingNumber, complaint(trackingNumber).handlingDueAt().minus(Duration.ofHours(1)));
        cases.advanceTo(trackingNumber, complaint(trackingNumber).handlingDueAt().plus(Duration.ofMinutes(1)));
        formValues.addAll(forms.getTaskFormVariables(
                cases.task(trackingNumber, Activity.HANDLING).getId()).values());
        cases.complete(trackingNumber, Activity.SUPERVISION_NOTICE, Map.of("noticeText", "请尽快办结。"));
        cases.complete(trackingNumber, Activity.HANDLING, Map.of("handlingAction", "REPLY", "replyText", "已办结。"));
        // Every variable the engine holds for the case, read before the process ends (Camunda's history keeps none).
        List<String> engineValues = new ArrayList<>();
        String processInstanceId = cases.processInstanceId(trackingNumber);
        runtime.getVariables(processInstanceId).forEach((name, value) -> engineValues.add(name + "=" + value));
        cases.complete(trackingNumber, Activity.REVIEW_REPLY, Map.of("reviewDecision", "APPROVE"));

        // The department's mails: first-feedback reminder, handling reminder, supervision notice.
        List<ReceivedMail> mails = mailsSentAbout(trackingNumber);
        List<ReceivedMail> toDepartment = mails.stream().filter(m -> !m.to().contains(who.email())).toList();
        assertThat(toDepartment).hasSizeGreaterThanOrEqualTo(3);
        toDepartment.forEach(m -> assertThat(m.subject() + m.body() + m.to() + m.cc()).doesNotContain(who.values()));
        // The complainant's own mails did go to their address.
        assertThat(mails).anySatisfy(m -> assertThat(m.to()).containsExactly(who.email()));

        // What the department's handler can read.
        for (String path : List.of("/api/complaints/" + trackingNumber, "/api/complaints?q=" + marker,
                "/staff/complaints/" + trackingNumber, "/staff/complaints?q=" + marker,
                "/api/complaints/" + trackingNumber + "/dossier", "/staff/complaints/" + trackingNumber + "/timeline")) {
            String body = read(path, handler);
            assertThat(body).as(path).contains(trackingNumber).doesNotContain(who.values());
        }
        // The timeline (history merged with the audit trail) of the whole case, up to the approved reply.
        assertThat(read("/api/complaints/" + trackingNumber + "/timeline", handler))
                .contains("PROCESS_STARTED", "Task_ReviewReply").doesNotContain(who.values());
        // The mail outbox (mails to complainants carry their address) is closed to departments altogether.
        mvc.perform(get("/staff/mail").with(httpBasic(handler, handler))).andExpect(status().isForbidden());
        assertThat(read("/api/complaints/" + trackingNumber, handler)).contains("\"contactWithheld\":true");

        // Tasklist: the forms' variables and every variable the engine stored for the case, at run time and in its
        // history.
        assertThat(formValues).isNotEmpty();
        formValues.forEach(v -> assertThat(String.valueOf(v)).doesNotContain(who.values()));
        history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list()
                .forEach(v -> engineValues.add(v.getName() + "=" + v.getValue()));
        history.createHistoricDetailQuery().processInstanceId(processInstanceId).variableUpdates().list()
                .forEach(d -> engineValues.add(String.valueOf(((HistoricVariableUpdate) d).getValue())));
        assertThat(engineValues).anySatisfy(v -> assertThat(v).contains(trackingNumber));
        engineValues.forEach(v -> assertThat(v).doesNotContain(who.values()));

        // The database holds ciphertext only.
        Map<String, Object> row = jdbc.queryForMap("select contact_name, contact_phone, contact_email from complaint "
                + "where tracking_number = ?", trackingNumber);
        assertThat(row.values()).allSatisfy(v -> assertThat((String) v).startsWith("gcm:development-only:")
                .doesNotContain(who.values()));
        assertThat(jdbc.queryForList("select recipient from outbound_mail where tracking_number = ?", String.class,
                trackingNumber)).allSatisfy(r -> assertThat(r).startsWith("gcm:").doesNotContain(who.email()));

        // The supervision office sees who complained, in the API, on the page and in the outbox.
        String office = read("/api/complaints/" + trackingNumber, "supervisor");
        assertThat(office).contains(who.values()).doesNotContain("contactWithheld");
        assertThat(read("/staff/complaints/" + trackingNumber, "supervisor")).contains(who.values());
        assertThat(read("/staff/mail", "supervisor")).contains(who.email());

        // The whole case was logged (the log is captured), yet no contact data is in it.
        assertThat(output.getOut()).contains(trackingNumber).doesNotContain(who.values());
        assertThat(output.getErr()).doesNotContain(who.values());
    }

    @Test
    void theStepsOfACaseLeaveTheStoredContactCiphertextAsTheIntakeWroteIt() {
        Complainant who = Complainant.distinctive();
        String trackingNumber = cases.file(who.submission("ciphertext-" + who.phone()));
        String contact = "select contact_name, contact_phone, contact_email, version from complaint "
                + "where tracking_number = ?";
        Map<String, Object> routed = jdbc.queryForMap(contact, trackingNumber);

        cases.complete(trackingNumber, Activity.TRIAGE, Map.of("triageDecision", "ACCEPT"));
        cases.complete(trackingNumber, Activity.FIRST_FEEDBACK, Map.of("firstFeedbackText", "已受理，正在核查。"));

        // Each step updated the complaint (its version moved) and wrote only what changed: the contact columns keep
        // the ciphertext of the intake, not a new encryption of the same data at every step.
        Map<String, Object> afterSteps = jdbc.queryForMap(contact, trackingNumber);
        assertThat(((Number) afterSteps.get("version")).longValue())
                .isGreaterThan(((Number) routed.get("version")).longValue());
        for (String column : List.of("contact_name", "contact_phone", "contact_email")) {
            assertThat((String) afterSteps.get(column)).startsWith("gcm:").isEqualTo(routed.get(column));
        }
        assertThat(complaint(trackingNumber).firstFeedbackAt()).isNotNull();
    }

    @Test
    void logLinesMaskPhoneNumbersAndEmailAddresses(CapturedOutput output) {
        Complainant who = Complainant.distinctive();
        LoggerFactory.getLogger(ComplainantPrivacyTest.class).warn("Careless line: call {} or write to {}",
                who.phone(), who.email(), new IllegalStateException("failed for " + who.email()));

        assertThat(output.getOut()).contains("Careless line: call " + who.phone().substring(0, 3) + "****"
                        + who.phone().substring(7) + " or write to ***@complainant.example.org")
                .contains("failed for ***@complainant.example.org")
                .doesNotContain(who.phone(), who.email());
    }

    private ComplaintFacts complaint(String trackingNumber) {
        return records.find(trackingNumber).orElseThrow();
    }

    private String read(String path, String user) throws Exception {
        return mvc.perform(get(path).with(httpBasic(user, user))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }
}
