package org.opensupervision.notification;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Mails that other modules compose themselves (supervision rules, disciplinary escalation): the caller names the
 * recipients and gives the template's variables; the template is {@code templates/mail/<notice>.txt}, its first line
 * the subject. Runs in the caller's transaction, like every mail step.
 */
@Service
public class Notifications {

    private final ITemplateEngine templates;
    private final Mailer mailer;
    private final MailProperties properties;

    Notifications(ITemplateEngine templates, Mailer mailer, MailProperties properties) {
        this.templates = templates;
        this.mailer = mailer;
        this.properties = properties;
    }

    /**
     * Renders and sends one mail (or keeps it in the outbox when no SMTP server is configured).
     *
     * @param trackingNumber the case the mail is about, for the outbox; may be null
     * @param model the template's variables
     */
    public void send(Notice notice, String trackingNumber, List<String> to, List<String> cc,
                     Map<String, Object> model) {
        Context context = new Context();
        context.setVariables(model);
        context.setVariable("baseUrl", properties.publicBaseUrl());
        mailer.send(trackingNumber, notice, to, cc,
                Mailer.ComposedMail.of(templates.process(notice.template(), context)));
    }

    /** The supervision office's mail address. */
    public String supervisionOfficeAddress() {
        return properties.supervisionOfficeAddress();
    }

    /** The head of the supervision office ({@code supervision-head}): the office's overdue steps are mailed here. */
    public String supervisionHeadAddress() {
        return properties.supervisionHeadAddress();
    }
}
