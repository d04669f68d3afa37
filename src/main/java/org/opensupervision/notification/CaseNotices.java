package org.opensupervision.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.opensupervision.calendar.DeadlineDisplay;
import org.opensupervision.complaint.ComplaintFacts;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.department.Department;
import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.privacy.ComplainantContacts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The mails of a complaint's own process ({@code ${sendNotification}}): the notice names the template and the
 * audience; the case's facts, its departments and other modules' {@link MailFacts} fill it in; the complainant's
 * address comes from the privacy module. Written to the outbox in the caller's transaction; the SMTP server, when
 * there is one, is the {@link MailDispatch dispatcher}'s concern.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class CaseNotices {

    private final ComplaintRecords complaints;
    private final ComplainantContacts contacts;
    private final DepartmentDirectory departments;
    private final ITemplateEngine templates;
    private final Mailer mailer;
    private final MailProperties properties;
    private final DeadlineDisplay display;
    private final List<MailFacts> extraFacts;

    CaseNotices(ComplaintRecords complaints, ComplainantContacts contacts, DepartmentDirectory departments,
                ITemplateEngine templates, Mailer mailer, MailProperties properties, DeadlineDisplay display,
                List<MailFacts> extraFacts) {
        this.complaints = complaints;
        this.contacts = contacts;
        this.departments = departments;
        this.templates = templates;
        this.mailer = mailer;
        this.properties = properties;
        this.display = display;
        this.extraFacts = extraFacts;
    }

    /**
     * Renders the notice about the case and sends it to the notice's audience: the complainant (kept unsent, with
     * the reason, when the complaint is anonymous or gave no address), the handling department, its head, or the
     * supervision office.
     *
     * @param noticeText the free text the step hands to the template (e.g. a ladder's message), or null
     * @throws IllegalStateException if there is no such case, or the notice is one {@link Notifications} sends
     */
    public void send(Notice notice, String trackingNumber, String noticeText) {
        ComplaintFacts complaint = complaints.find(trackingNumber)
                .orElseThrow(() -> new IllegalStateException("No complaint " + trackingNumber));
        Department concerned = departments.get(complaint.departmentCode());
        Department handling = departments.get(complaint.responsibleDepartmentCode());
        Mailer.ComposedMail mail = compose(notice, complaint, concerned, handling, noticeText);
        switch (notice.audience()) {
            case CITIZEN -> contacts.mailAddressOf(trackingNumber).ifPresentOrElse(
                    address -> mailer.send(trackingNumber, notice, List.of(address), List.of(), mail),
                    () -> mailer.recordNoAddress(trackingNumber, notice, mail));
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

    private Mailer.ComposedMail compose(Notice notice, ComplaintFacts complaint, Department concerned,
                                        Department handling, String noticeText) {
        Context context = new Context();
        // The ladder's own deadlines (issue 13), empty before the step that sets them.
        context.setVariable("supervisionNoticeDueAt", formatted(complaint.supervisionNoticeDueAt()));
        context.setVariable("criticismDueAt", formatted(complaint.criticismDueAt()));
        context.setVariables(Map.of(
                "complaint", complaint,
                "concerned", concerned,
                "handling", handling,
                "category", complaint.category().labelZh(),
                "submittedAt", display.format(complaint.submittedAt()),
                "firstFeedbackDueAt", display.format(complaint.firstFeedbackDueAt()),
                "handlingDueAt", display.format(complaint.handlingDueAt()),
                "noticeText", noticeText == null ? "" : noticeText,
                "caseUrl", properties.publicBaseUrl() + "/staff/complaints/" + complaint.trackingNumber()));
        extraFacts.forEach(f -> context.setVariables(f.factsFor(notice, complaint.trackingNumber())));
        return Mailer.ComposedMail.of(templates.process(templateFor(notice, complaint), context));
    }

    /** The citizen's mails in the language he filed in ({@code <name>_en.txt}); staff mails in Chinese. */
    static String templateFor(Notice notice, ComplaintFacts complaint) {
        return notice.audience() == Notice.Audience.CITIZEN && complaint.wantsEnglish()
                ? notice.template() + "_en" : notice.template();
    }

    private String formatted(Instant instant) {
        return instant == null ? "" : display.format(instant);
    }
}
