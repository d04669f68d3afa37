package org.opensupervision.notification;

import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hibernate.Session;
import org.opensupervision.calendar.DeadlineDisplay;
import org.opensupervision.complaint.Complaint;
import org.opensupervision.department.Department;
import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.workflow.ComplaintProcess.Var;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The mail steps of the model: {@code ${sendNotification}} with a local input {@code notice} that names the mail.
 * The step renders the mail and writes it to the outbox in the step's own transaction (no job of its own); the
 * SMTP server, when there is one, is the {@link MailDispatch dispatcher}'s concern.
 */
@Component("sendNotification")
class SendNotification implements JavaDelegate {

    private final EntityManager entityManager;
    private final DepartmentDirectory departments;
    private final ITemplateEngine templates;
    private final Mailer mailer;
    private final MailProperties properties;
    private final DeadlineDisplay display;
    private final List<MailFacts> extraFacts;

    SendNotification(EntityManager entityManager, DepartmentDirectory departments, ITemplateEngine templates,
                     Mailer mailer, MailProperties properties, DeadlineDisplay display, List<MailFacts> extraFacts) {
        this.extraFacts = extraFacts;
        this.entityManager = entityManager;
        this.departments = departments;
        this.templates = templates;
        this.mailer = mailer;
        this.properties = properties;
        this.display = display;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Notice notice = Notice.valueOf((String) execution.getVariable(Var.NOTICE));
        String trackingNumber = execution.getProcessBusinessKey();
        // By natural id: when the step before in this job (e.g. recording the breach) loaded the complaint, no query.
        Complaint complaint = entityManager.unwrap(Session.class).bySimpleNaturalId(Complaint.class)
                .loadOptional(trackingNumber)
                .orElseThrow(() -> new IllegalStateException("No complaint " + trackingNumber));
        Department concerned = departments.get(complaint.getDepartmentCode());
        Department handling = departments.get(complaint.getHandlingDepartmentCode() == null
                ? complaint.getDepartmentCode() : complaint.getHandlingDepartmentCode());
        Mailer.ComposedMail mail = compose(notice, complaint, concerned, handling,
                (String) execution.getVariable(Var.NOTICE_TEXT));
        switch (notice.audience()) {
            case CITIZEN -> {
                if (complaint.isAnonymous() || complaint.getContactEmail() == null) {
                    mailer.recordNoAddress(trackingNumber, notice, mail);
                } else {
                    mailer.send(trackingNumber, notice, List.of(complaint.getContactEmail()), List.of(), mail);
                }
            }
            case DEPARTMENT -> mailer.send(trackingNumber, notice, List.of(handling.notificationAddress()), List.of(),
                    mail);
            case DEPARTMENT_AND_HEAD -> mailer.send(trackingNumber, notice, List.of(handling.notificationAddress()),
                    List.of(handling.headAddress()), mail);
            case HEAD_AND_DEPARTMENT -> mailer.send(trackingNumber, notice, List.of(handling.headAddress()),
                    List.of(handling.notificationAddress()), mail);
            case SUPERVISION_OFFICE -> mailer.send(trackingNumber, notice,
                    List.of(properties.supervisionOfficeAddress()), List.of(), mail);
            default -> throw new IllegalStateException(notice + " is sent through Notifications, not this step");
        }
    }

    private Mailer.ComposedMail compose(Notice notice, Complaint complaint, Department concerned, Department handling,
                                        String noticeText) {
        Context context = new Context();
        // The ladder's own deadlines (issue 13), empty before the step that sets them.
        context.setVariable("supervisionNoticeDueAt", formatted(complaint.getSupervisionNoticeDueAt()));
        context.setVariable("criticismDueAt", formatted(complaint.getCriticismDueAt()));
        context.setVariables(Map.of(
                "complaint", complaint,
                "concerned", concerned,
                "handling", handling,
                "category", complaint.getCategory().bilingualLabel(),
                "submittedAt", display.format(complaint.getSubmittedAt()),
                "firstFeedbackDueAt", display.format(complaint.getFirstFeedbackDueAt()),
                "handlingDueAt", display.format(complaint.getHandlingDueAt()),
                "noticeText", noticeText == null ? "" : noticeText,
                "caseUrl", properties.publicBaseUrl() + "/staff/complaints/" + complaint.getTrackingNumber()));
        extraFacts.forEach(f -> context.setVariables(f.factsFor(notice, complaint.getTrackingNumber())));
        return Mailer.ComposedMail.of(templates.process(templateFor(notice, complaint), context));
    }

    /** The citizen's mails in the language he filed in ({@code <name>_en.txt}); staff mails in Chinese. */
    static String templateFor(Notice notice, Complaint complaint) {
        return notice.audience() == Notice.Audience.CITIZEN && complaint.wantsEnglish()
                ? notice.template() + "_en" : notice.template();
    }


    private String formatted(java.time.Instant instant) {
        return instant == null ? "" : display.format(instant);
    }
}
