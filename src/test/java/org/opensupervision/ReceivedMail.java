package org.opensupervision;

import java.util.Arrays;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;

/** A mail the test SMTP server received, decoded. */
public record ReceivedMail(String subject, String body, List<String> to, List<String> cc, String from) {

    /** The mails whose subject or body mention the tracking number, in the order received. */
    public static List<ReceivedMail> about(GreenMail smtp, String trackingNumber) {
        return Arrays.stream(smtp.getReceivedMessages()).map(ReceivedMail::of)
                .filter(m -> m.subject().contains(trackingNumber) || m.body().contains(trackingNumber))
                .toList();
    }

    static ReceivedMail of(MimeMessage message) {
        try {
            return new ReceivedMail(message.getSubject(), message.getContent().toString(),
                    addresses(message.getRecipients(Message.RecipientType.TO)),
                    addresses(message.getRecipients(Message.RecipientType.CC)), message.getFrom()[0].toString());
        } catch (MessagingException | java.io.IOException ex) {
            throw new IllegalStateException("Unreadable mail", ex);
        }
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
    }
}
