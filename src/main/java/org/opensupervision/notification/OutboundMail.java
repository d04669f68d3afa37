package org.opensupervision.notification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.opensupervision.privacy.EncryptedContact;

/**
 * A mail the platform wrote, in the transaction of the step that wrote it: kept in the outbox (no SMTP), or waiting
 * for the {@link MailDispatch dispatcher} to send it over SMTP, then sent or failed.
 */
@Entity
@Table(name = "outbound_mail")
public class OutboundMail {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tracking_number")
    private String trackingNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Notice notice;

    /** Encrypted: for the complainant's mails it is their e-mail address. */
    @Convert(converter = EncryptedContact.class)
    @Column(nullable = false)
    private String recipient;

    @Column(nullable = false)
    private String subject;

    /** Null once the body retention removed it ({@link MailBodyRetention}). */
    @Column(length = 10000)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Delivery delivery;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "lease_owner")
    private String leaseOwner;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    protected OutboundMail() {
    }

    OutboundMail(String trackingNumber, Notice notice, String recipient, String subject, String body,
                 Delivery delivery, Instant createdAt) {
        this.trackingNumber = trackingNumber;
        this.notice = notice;
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.delivery = delivery;
        this.createdAt = createdAt;
        this.nextAttemptAt = delivery == Delivery.PENDING ? createdAt : null;
    }

    void markSent(Instant now) {
        delivery = Delivery.SMTP;
        attempts++;
        sentAt = now;
        nextAttemptAt = null;
        lastError = null;
        releaseLease();
    }

    /** A failed attempt: tried again at {@code retryAt}, or FAILED when there is no retry left ({@code null}). */
    void markAttemptFailed(String error, Instant retryAt) {
        attempts++;
        lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
        nextAttemptAt = retryAt;
        if (retryAt == null) {
            delivery = Delivery.FAILED;
        }
        releaseLease();
    }

    /** An operator's retry of a failed mail: a fresh round of attempts, due now. */
    void retry(Instant now) {
        delivery = Delivery.PENDING;
        attempts = 0;
        nextAttemptAt = now;
        releaseLease();
    }

    private void releaseLease() {
        leaseOwner = null;
        leaseUntil = null;
    }

    String getLeaseOwner() {
        return leaseOwner;
    }

    public Long getId() {
        return id;
    }

    public String getTrackingNumber() {
        return trackingNumber;
    }

    public Notice getNotice() {
        return notice;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    /** The text of the mail, or null once its body retention period has passed ({@link MailBodyRetention}). */
    public String getBody() {
        return body;
    }

    public Delivery getDelivery() {
        return delivery;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
