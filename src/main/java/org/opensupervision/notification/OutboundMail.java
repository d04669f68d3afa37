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

/** A mail the platform wrote: sent over SMTP, or kept in the outbox. */
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

    @Column(nullable = false, length = 10000)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Delivery delivery;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

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

    public String getBody() {
        return body;
    }

    public Delivery getDelivery() {
        return delivery;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
