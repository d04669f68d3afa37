package org.opensupervision.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;


import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.micrometer.core.instrument.MeterRegistry;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.opensupervision.ReceivedMail;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.complaint.ComplaintStatus;
import org.opensupervision.handling.CaseDriver;
import org.opensupervision.intake.ComplaintSubmission;
import org.opensupervision.workflow.ComplaintProcess.Activity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;


/**
 * Mail over a real SMTP server (GreenMail in the JVM), through the outbox and its dispatcher: content, recipients,
 * retries when SMTP is down, the FAILED state and the operator's retry, and claims between dispatchers.
 */
class MailDeliveryTest extends IntegrationTest {

    @Autowired
    CaseDriver cases;
    @Autowired
    OutboundMailRepository outbox;
    @Autowired
    ComplaintRecords records;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    MailDispatch dispatch;
    @Autowired
    MeterRegistry meters;
    @Autowired
    MockMvc mvc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    com.fasterxml.jackson.databind.ObjectMapper json;

    private List<ReceivedMail> receivedAbout(String trackingNumber) {
        return mailsSentAbout(trackingNumber);
    }



    @Test
    void theFirstFeedbackIsMailedToTheComplainant() {
        String trackingNumber = cases.fileAndRoute("GD-HRSS", "SLOW_ACTION", "citizen.wang@example.com");

        cases.complete(trackingNumber, Activity.FIRST_FEEDBACK,
                Map.of("firstFeedbackText", "已收到您的投诉，社保科正在核查，3个工作日内联系您。"));

        ReceivedMail mail = receivedAbout(trackingNumber).get(0);
        assertThat(receivedAbout(trackingNumber)).hasSize(1);
        assertThat(mail.to()).containsExactly("citizen.wang@example.com");
        assertThat(mail.from()).isEqualTo("efficiency-supervision@example.gov.cn");
        assertThat(mail.subject()).contains("投诉首次反馈", trackingNumber);
        assertThat(mail.body()).contains("已收到您的投诉，社保科正在核查", "省人力资源和社会保障厅")
                .doesNotContain("Hello", "Human Resources and Social Security Department");
        assertThat(outbox.findByTrackingNumberOrderByCreatedAtAscIdAsc(trackingNumber))
                .extracting(OutboundMail::getNotice, OutboundMail::getDelivery)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Notice.FIRST_FEEDBACK, Delivery.SMTP));
    }

    @Test
    void aComplainantWhoFiledInEnglishGetsTheMailInEnglishOnly() throws Exception {
        ComplaintSubmission english = CaseDriver.submission("GD-HRSS", "SLOW_ACTION", "citizen.smith@example.com");
        String body = json.writeValueAsString(english);
        String answer = mvc.perform(post("/api/complaints").header("Accept-Language", "en")
                        .contentType("application/json").content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String trackingNumber = json.readTree(answer).path("trackingNumber").asText();
        cases.runDueJobs(trackingNumber);

        cases.complete(trackingNumber, Activity.FIRST_FEEDBACK, Map.of("firstFeedbackText", "We are on it."));

        ReceivedMail mail = receivedAbout(trackingNumber).get(0);
        assertThat(mail.subject()).contains("First feedback on your complaint", trackingNumber).doesNotContain("投诉");
        assertThat(mail.body()).contains("Hello", "Human Resources and Social Security Department", "We are on it.")
                .doesNotContain("您好", "省人力资源和社会保障厅");
    }

    @Test
    void anAnonymousComplainantGetsNoMailAndTheOutboxSaysWhy() {
        ComplaintSubmission anonymous = CaseDriver.submission("GD-CAD", "ATTITUDE", null);
        anonymous.setAnonymous(true);
        String trackingNumber = cases.file(anonymous);
        cases.runDueJobs(trackingNumber);

        cases.complete(trackingNumber, Activity.FIRST_FEEDBACK, Map.of("firstFeedbackText", "已转窗口负责人处理。"));

        assertThat(receivedAbout(trackingNumber)).isEmpty();
        assertThat(outbox.findByTrackingNumberOrderByCreatedAtAscIdAsc(trackingNumber))
                .extracting(OutboundMail::getDelivery).containsExactly(Delivery.NO_ADDRESS);
    }

    @Test
    void whenSmtpIsDownTheCaseMovesOnAndTheMailIsSentWhenSmtpIsBack() {
        CaseDriver.moveClockTo(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        String trackingNumber = cases.fileAndRoute("GD-EE", "INACTION", "citizen.zhao@example.com");
        String processInstanceId = cases.processInstanceId(trackingNumber);
        OutboundMail waiting;
        SMTP.stop();
        try {
            // The mail step writes the mail with the department's step, in its transaction: no job, no incident.
            cases.complete(trackingNumber, Activity.FIRST_FEEDBACK, Map.of("firstFeedbackText", "正在核查排污许可审批进度。"));
            assertThat(cases.task(trackingNumber, Activity.HANDLING)).isNotNull();
            assertThat(management.createJobQuery().processInstanceId(processInstanceId).executable().count()).isZero();
            assertThat(mail(trackingNumber).getDelivery()).isEqualTo(Delivery.PENDING);

            assertThat(dispatch.dispatchDue()).isZero();
            waiting = mail(trackingNumber);
            assertThat(waiting.getDelivery()).isEqualTo(Delivery.PENDING);
            assertThat(waiting.getAttempts()).isEqualTo(1);
            assertThat(waiting.getLastError()).contains("Mail server connection failed");
            assertThat(waiting.getNextAttemptAt()).isEqualTo(waiting.getCreatedAt().plus(Duration.ofMinutes(1)));
            // Not attempted again before its backoff has passed.
            assertThat(dispatch.dispatchDue()).isZero();
            assertThat(mail(trackingNumber).getAttempts()).isEqualTo(1);
        } finally {
            SMTP.start();
        }

        CaseDriver.moveClockTo(waiting.getNextAttemptAt());
        assertThat(dispatch.dispatchDue()).isEqualTo(1);

        assertThat(ReceivedMail.about(SMTP, trackingNumber)).singleElement()
                .satisfies(m -> assertThat(m.to()).containsExactly("citizen.zhao@example.com"));
        OutboundMail sent = mail(trackingNumber);
        assertThat(sent.getDelivery()).isEqualTo(Delivery.SMTP);
        assertThat(sent.getAttempts()).isEqualTo(2);
        assertThat(sent.getSentAt()).isEqualTo(waiting.getNextAttemptAt());
        assertThat(sent.getLastError()).isNull();
        // Sent once: a later sweep finds nothing to do.
        assertThat(dispatch.dispatchDue()).isZero();
        assertThat(ReceivedMail.about(SMTP, trackingNumber)).hasSize(1);
    }

    @Test
    void aMailThatFailsEveryAttemptIsFailedUntilTheSupervisionOfficeSendsItAgain() throws Exception {
        CaseDriver.moveClockTo(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        String trackingNumber = cases.fileAndRoute("GD-EE", "SLOW_ACTION", "citizen.qian@example.com");
        SMTP.stop();
        try {
            cases.complete(trackingNumber, Activity.FIRST_FEEDBACK, Map.of("firstFeedbackText", "已转审批科。"));
            // The test profile allows 3 attempts, 1 min then 2 min apart.
            for (int attempt = 1; attempt <= 3; attempt++) {
                dispatch.dispatchDue();
                OutboundMail mail = mail(trackingNumber);
                assertThat(mail.getAttempts()).isEqualTo(attempt);
                if (attempt < 3) {
                    assertThat(mail.getNextAttemptAt()).isEqualTo(ClockUtil.getCurrentTime().toInstant()
                            .plus(Duration.ofMinutes(attempt == 1 ? 1 : 2)));
                    CaseDriver.moveClockTo(mail.getNextAttemptAt());
                }
            }
        } finally {
            SMTP.start();
        }
        OutboundMail failed = mail(trackingNumber);
        assertThat(failed.getDelivery()).isEqualTo(Delivery.FAILED);
        assertThat(failed.getNextAttemptAt()).isNull();
        assertThat(dispatch.count(Delivery.FAILED)).isPositive();
        assertThat(meters.get("supervision.mail.outbox").tag("state", "failed").gauge().value()).isPositive();
        // A FAILED mail waits for a person, even with SMTP back.
        CaseDriver.moveClockTo(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(1)));
        assertThat(dispatch.dispatchDue()).isZero();
        assertThat(ReceivedMail.about(SMTP, trackingNumber)).isEmpty();

        // Departments may not; the supervision office sees the failure on the outbox page and sends it again.
        mvc.perform(post("/staff/mail/{id}/retry", failed.getId()).with(httpBasic("handler-gd-ee", "handler-gd-ee"))
                .with(csrf())).andExpect(status().isForbidden());
        assertThat(mvc.perform(get("/staff/mail").with(httpBasic("supervisor", "supervisor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("/staff/mail/" + failed.getId() + "/retry", "Mail server connection failed");
        mvc.perform(post("/staff/mail/{id}/retry", failed.getId()).with(httpBasic("supervisor", "supervisor"))
                .with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(mail(trackingNumber).getDelivery()).isEqualTo(Delivery.PENDING);
        // A second click changes nothing; an unknown mail is a 404.
        assertThat(dispatch.retry(failed.getId())).isFalse();
        mvc.perform(post("/staff/mail/{id}/retry", Long.MAX_VALUE).with(httpBasic("supervisor", "supervisor"))
                .with(csrf())).andExpect(status().isNotFound());

        assertThat(dispatch.dispatchDue()).isEqualTo(1);
        assertThat(ReceivedMail.about(SMTP, trackingNumber)).hasSize(1);
        assertThat(mail(trackingNumber).getDelivery()).isEqualTo(Delivery.SMTP);
    }

    @Test
    void aMailClaimedByAnotherDispatcherIsLeftToItUntilItsClaimExpires() {
        CaseDriver.moveClockTo(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        String trackingNumber = cases.fileAndRoute("GD-NR", "ATTITUDE", "citizen.li@example.com");
        cases.complete(trackingNumber, Activity.FIRST_FEEDBACK, Map.of("firstFeedbackText", "已联系窗口。"));
        OutboundMail pending = mail(trackingNumber);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        // Another node claimed it and died before marking it (maybe after the SMTP server took it).
        int claimed = transaction.execute(status -> outbox.claim(List.of(pending.getId()), "another-node",
                now.plus(Duration.ofMinutes(5)), now));
        assertThat(claimed).isEqualTo(1);

        assertThat(dispatch.dispatchDue()).isZero();
        assertThat(ReceivedMail.about(SMTP, trackingNumber)).isEmpty();

        // The claim expires: the mail is sent (at least once: again, had the other node sent it already).
        CaseDriver.moveClockTo(now.plus(Duration.ofMinutes(5)).plusSeconds(1));
        assertThat(dispatch.dispatchDue()).isEqualTo(1);
        assertThat(ReceivedMail.about(SMTP, trackingNumber)).hasSize(1);
    }

    @Test
    void aDispatcherWhoseClaimRanOutAndWasTakenCannotRenewItAndSoDoesNotSendTheMail() {
        CaseDriver.moveClockTo(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        String trackingNumber = cases.fileAndRoute("GD-NR", "INACTION", "citizen.zhao@example.com");
        cases.complete(trackingNumber, Activity.FIRST_FEEDBACK, Map.of("firstFeedbackText", "已转办理。"));
        Long id = mail(trackingNumber).getId();
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Duration lease = Duration.ofMinutes(5);
        // A slow node claimed it; its claim ran out while it was busy with the rest of its batch.
        int slowClaim = transaction.execute(status -> outbox.claim(List.of(id), "slow-node", now.plus(lease), now));
        Instant later = now.plus(lease).plusSeconds(1);
        int otherClaim = transaction.execute(status -> outbox.claim(List.of(id), "other-node", later.plus(lease),
                later));
        int slowRenewal = transaction.execute(status -> outbox.renewClaim(id, "slow-node", later.plus(lease), later));
        int otherRenewal = transaction.execute(status -> outbox.renewClaim(id, "other-node", later.plus(lease),
                later));

        assertThat(slowClaim).isEqualTo(1);
        assertThat(otherClaim).isEqualTo(1);
        assertThat(slowRenewal).isZero();
        assertThat(otherRenewal).isEqualTo(1);
        // The other node dies too: once its claim runs out, the mail is sent (and leaves no claim behind).
        CaseDriver.moveClockTo(later.plus(lease).plus(lease).plusSeconds(1));
        assertThat(dispatch.dispatchDue()).isEqualTo(1);
        assertThat(ReceivedMail.about(SMTP, trackingNumber)).hasSize(1);
    }

    private OutboundMail mail(String trackingNumber) {
        return outbox.findByTrackingNumberOrderByCreatedAtAscIdAsc(trackingNumber).stream()
                .filter(m -> m.getNotice() == Notice.FIRST_FEEDBACK).findFirst().orElseThrow();
    }

    @Test
    void theDepartmentIsRemindedAtItsNotificationAddress() {
        String trackingNumber = cases.fileAndRoute("GD-NR", "INACTION", "citizen.sun@example.com");
        // The office triages in time, so its own reminder (issue 13) is not among the mails.
        cases.complete(trackingNumber, Activity.TRIAGE, Map.of("triageDecision", "ACCEPT"));

        cases.advance(trackingNumber, java.time.Duration.ofHours(20));

        assertThat(receivedAbout(trackingNumber)).singleElement().satisfies(mail -> {
            assertThat(mail.to()).containsExactly("complaints@nr.example.gov.cn");
            assertThat(mail.subject()).contains("催办", trackingNumber);
        });
    }
}
