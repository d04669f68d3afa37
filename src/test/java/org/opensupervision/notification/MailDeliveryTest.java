package org.opensupervision.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;


import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.opensupervision.ReceivedMail;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.complaint.ComplaintStatus;
import org.opensupervision.handling.CaseDriver;
import org.opensupervision.intake.ComplaintSubmission;
import org.opensupervision.workflow.ComplaintProcess.Activity;
import org.springframework.beans.factory.annotation.Autowired;


/** Mail over a real SMTP server (GreenMail in the JVM): content, recipients, and what happens when SMTP is down. */
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

    private static List<ReceivedMail> receivedAbout(String trackingNumber) {
        return ReceivedMail.about(SMTP, trackingNumber);
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
        assertThat(mail.body()).contains("已收到您的投诉，社保科正在核查", "省人力资源和社会保障厅",
                "Human Resources and Social Security Department");
        assertThat(outbox.findByTrackingNumberOrderByCreatedAtAscIdAsc(trackingNumber))
                .extracting(OutboundMail::getNotice, OutboundMail::getDelivery)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Notice.FIRST_FEEDBACK, Delivery.SMTP));
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
    void whenSmtpIsDownTheMailStepIsRetriedThenBecomesAnIncidentAndNothingIsLost() throws Exception {
        String trackingNumber = cases.fileAndRoute("GD-EE", "INACTION", "citizen.zhao@example.com");
        String processInstanceId = cases.processInstanceId(trackingNumber);
        SMTP.stop();
        try {
            // The department's step succeeds: the mail is a separate, asynchronous step.
            tasks.complete(cases.task(trackingNumber, Activity.FIRST_FEEDBACK).getId(),
                    Map.of("firstFeedbackText", "正在核查排污许可审批进度。"));
            Job mailJob = management.createJobQuery().processInstanceId(processInstanceId).singleResult();
            assertThat(mailJob.getRetries()).isEqualTo(3);

            for (int attempt = 1; attempt <= 3; attempt++) {
                String jobId = mailJob.getId();
                assertThatThrownBy(() -> management.executeJob(jobId)).isInstanceOf(Exception.class);
                mailJob = management.createJobQuery().jobId(jobId).singleResult();
                assertThat(mailJob.getRetries()).isEqualTo(3 - attempt);
                assertThat(mailJob.getExceptionMessage()).contains("Mail server connection failed");
            }

            List<Incident> incidents = runtime.createIncidentQuery().processInstanceId(processInstanceId).list();
            assertThat(incidents).singleElement().satisfies(incident -> {
                assertThat(incident.getIncidentType()).isEqualTo("failedJob");
                assertThat(incident.getActivityId()).isEqualTo("Task_SendFirstFeedbackToCitizen");
            });
            assertThat(records.find(trackingNumber).orElseThrow().getStatus()).isEqualTo(ComplaintStatus.IN_HANDLING);
            assertThat(records.find(trackingNumber).orElseThrow().getFirstFeedbackText()).isNotBlank();
            assertThat(outbox.findByTrackingNumberOrderByCreatedAtAscIdAsc(trackingNumber)).isEmpty();
        } finally {
            SMTP.start();
        }

        // An operator fixes SMTP and retries the job from Cockpit: the mail goes out and the case moves on.
        Job failed = management.createJobQuery().processInstanceId(processInstanceId).singleResult();
        management.setJobRetries(failed.getId(), 1);
        management.executeJob(failed.getId());

        assertThat(receivedAbout(trackingNumber)).hasSize(1);
        assertThat(runtime.createIncidentQuery().processInstanceId(processInstanceId).count()).isZero();
        assertThat(cases.task(trackingNumber, Activity.HANDLING)).isNotNull();
    }

    @Test
    void theDepartmentIsRemindedAtItsNotificationAddress() {
        String trackingNumber = cases.fileAndRoute("GD-NR", "INACTION", "citizen.sun@example.com");

        cases.advance(trackingNumber, java.time.Duration.ofHours(20));

        assertThat(receivedAbout(trackingNumber)).singleElement().satisfies(mail -> {
            assertThat(mail.to()).containsExactly("complaints@nr.example.gov.cn");
            assertThat(mail.subject()).contains("催办", trackingNumber);
        });
    }
}
