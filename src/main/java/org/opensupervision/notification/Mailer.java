package org.opensupervision.notification;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Writes a mail as a row of {@code outbound_mail} in the caller's transaction (a transactional outbox): the mail
 * exists exactly when the step that wrote it committed. With {@code spring.mail.host} configured the row is PENDING
 * and {@link MailDispatch} sends it; without, it is kept in the outbox for staff to read. No SMTP call happens inside
 * a process step, so a mail step needs no job of its own.
 */
@Component
class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final ObjectProvider<JavaMailSender> smtp;
    private final OutboundMailRepository outbox;
    private final Clock clock;

    Mailer(ObjectProvider<JavaMailSender> smtp, OutboundMailRepository outbox, Clock clock) {
        this.smtp = smtp;
        this.outbox = outbox;
        this.clock = clock;
    }

    void send(String trackingNumber, Notice notice, List<String> to, List<String> cc, ComposedMail mail) {
        Delivery delivery = smtp.getIfAvailable() == null ? Delivery.OUTBOX : Delivery.PENDING;
        String recipients = new MailRecipients(to, cc).format();
        outbox.save(new OutboundMail(trackingNumber, notice, recipients, mail.subject(), mail.body(), delivery,
                clock.instant()));
        // A complainant's address is contact data: it is never logged. DEBUG: the outbox row is the record of every
        // mail (the outbox page, the dispatcher's lines when it sends or fails); a line each repeated it for every
        // breach report of a burst of deadlines (issue 17, figure 2), next to the breach's own WARN line.
        log.debug("Mail {} of {} to {} ({})", notice, trackingNumber,
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
