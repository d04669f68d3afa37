package org.opensupervision.privacy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Someone outside the supervision office saw revealed contact data: who, when, through which grant and channel. */
@Entity
@Table(name = "contact_reveal_view")
public class ContactRevealView {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "reveal_id", nullable = false, updatable = false)
    private Long revealId;

    @Column(name = "tracking_number", nullable = false, updatable = false)
    private String trackingNumber;

    @Column(nullable = false, updatable = false)
    private String viewer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ContactVisibility.Channel channel;

    @Column(name = "viewed_at", nullable = false, updatable = false)
    private Instant viewedAt;

    protected ContactRevealView() {
    }

    ContactRevealView(ContactReveal reveal, String viewer, ContactVisibility.Channel channel, Instant viewedAt) {
        this.revealId = reveal.getId();
        this.trackingNumber = reveal.getTrackingNumber();
        this.viewer = viewer;
        this.channel = channel;
        this.viewedAt = viewedAt;
    }

    public Long getRevealId() {
        return revealId;
    }

    public String getTrackingNumber() {
        return trackingNumber;
    }

    public String getViewer() {
        return viewer;
    }

    public ContactVisibility.Channel getChannel() {
        return channel;
    }

    public Instant getViewedAt() {
        return viewedAt;
    }
}
