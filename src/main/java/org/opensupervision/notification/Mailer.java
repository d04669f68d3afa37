package org.opensupervision.notification;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Writes a mail: over SMTP when {@code spring.mail.host} is configured, else into the outbox. Every mail is also a
 * row of {@code outbound_mail}, written in the caller's transaction: when SMTP fails the row rolls back with the
 * step, and the engine retries the step.
 */
@Component
class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final ObjectProvider<JavaMailSender> smtp;
    private final OutboundMailRepository outbox;
    private final MailProperties properties;
    private final Clock clock;

    Mailer(ObjectProvider<JavaMailSender> smtp, OutboundMailRepository outbox, MailProperties properties,
           Clock clock) {
        this.smtp = smtp;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    void send(String trackingNumber, Notice notice, List<String> to, List<String> cc, ComposedMail mail) {
        JavaMailSender sender = smtp.getIfAvailable();
        Delivery delivery = sender == null ? Delivery.OUTBOX : Delivery.SMTP;
        if (sender != null) {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(properties.from());
            message.setTo(to.toArray(String[]::new));
            if (!cc.isEmpty()) {
                message.setCc(cc.toArray(String[]::new));
            }
            message.setSubject(mail.subject());
            message.setText(mail.body());
            sender.send(message);
        }
        String recipients = String.join(", ", to) + (cc.isEmpty() ? "" : "; cc " + String.join(", ", cc));
        outbox.save(new OutboundMail(trackingNumber, notice, recipients, mail.subject(), mail.body(), delivery,
                clock.instant()));
        // A complainant's address is contact data: it is never logged.
        log.info("Mail {} of {} to {} ({})", notice, trackingNumber,
                notice.audience() == Notice.Audience.CITIZEN ? "the complainant" : recipients, delivery);
    }

    void recordNoAddress(String trackingNumber, Notice notice, ComposedMail mail) {
        outbox.save(new OutboundMail(trackingNumber, notice, "-", mail.subject(), mail.body(), Delivery.NO_ADDRESS,
                clock.instant()));
        log.info("Mail {} of {} not sent: the complainant left no e-mail address", notice, trackingNumber);
    }

    /** A rendered mail. */
    record ComposedMail(String subject, String body) {

        /** A rendered template: the first line is the subject, the rest the body. */
        static ComposedMail of(String rendered) {
            String text = rendered.strip();
            int split = text.indexOf('\n');
            return new ComposedMail(text.substring(0, split).strip(), text.substring(split + 1).strip() + "\n");
        }
    }
}
