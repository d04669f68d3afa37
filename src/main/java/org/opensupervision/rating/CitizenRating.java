package org.opensupervision.rating;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One rating round of a case: round 1 after the reply, round 2 after a rectification. */
@Entity
@Table(name = "citizen_rating")
public class CitizenRating {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "tracking_number", nullable = false)
    private String trackingNumber;
    @Column(nullable = false)
    private int round;
    /** The department the rating counts against: the one handling the case when the round opened. */
    @Column(name = "department_code")
    private String departmentCode;
    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;
    @Column(name = "due_at", nullable = false)
    private Instant dueAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RatingStatus status;
    private Integer level;
    private String comment;
    private String answers;
    private String channel;
    @Column(name = "rated_at")
    private Instant ratedAt;
    @Column(name = "callback_note")
    private String callbackNote;
    @Column(name = "rectification_due_at")
    private Instant rectificationDueAt;
    @Column(name = "rectification_text")
    private String rectificationText;
    @Column(name = "rectified_at")
    private Instant rectifiedAt;

    private Instant rectificationOverdueAt;
    @Column(name = "appeal_reason")
    private String appealReason;
    @Column(name = "appeal_upheld")
    private Boolean appealUpheld;
    @Column(name = "appeal_decision_reason")
    private String appealDecisionReason;
    @Column(name = "appeal_decided_at")
    private Instant appealDecidedAt;
    @Version
    private long version;

    protected CitizenRating() {
    }

    CitizenRating(String trackingNumber, int round, String departmentCode, Instant openedAt, Instant dueAt) {
        this.trackingNumber = trackingNumber;
        this.departmentCode = departmentCode;
        this.round = round;
        this.openedAt = openedAt;
        this.dueAt = dueAt;
        this.status = RatingStatus.OPEN;
    }

    boolean isOpenAt(Instant now) {
        return status == RatingStatus.OPEN && !now.isAfter(dueAt);
    }

    void rate(RatingLevel level, String comment, String answers, String channel, Instant now) {
        this.level = level.score();
        this.comment = comment;
        this.answers = answers;
        this.channel = channel;
        this.ratedAt = now;
        this.status = RatingStatus.RATED;
    }

    void rateByDefault(Instant now) {
        this.level = RatingLevel.BASICALLY_SATISFIED.score();
        this.channel = "DEFAULT";
        this.ratedAt = now;
        this.status = RatingStatus.DEFAULTED;
    }

    /** Records that the rectification passed its deadline; false when that was recorded before. */
    boolean recordRectificationOverdue(Instant now) {
        if (rectificationOverdueAt != null) {
            return false;
        }
        rectificationOverdueAt = now;
        return true;
    }

    void recordCallback(String note, Instant rectificationDueAt) {
        this.callbackNote = note;
        this.rectificationDueAt = rectificationDueAt;
    }

    void recordAppeal(String reason) {
        this.appealReason = reason;
    }

    void decideAppeal(boolean upheld, String reason, Instant now) {
        this.appealUpheld = upheld;
        this.appealDecisionReason = reason;
        this.appealDecidedAt = now;
        if (upheld) {
            this.status = RatingStatus.VOIDED;
        }
    }

    void recordRectification(String text, Instant now) {
        this.rectificationText = text;
        this.rectifiedAt = now;
    }

    public String getDepartmentCode() {
        return departmentCode;
    }

    public String getTrackingNumber() {
        return trackingNumber;
    }

    public int getRound() {
        return round;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public RatingStatus getStatus() {
        return status;
    }

    /** The level, or null while open. */
    public RatingLevel getLevel() {
        return level == null ? null : RatingLevel.ofScore(level);
    }

    public String getComment() {
        return comment;
    }

    public String getAnswers() {
        return answers;
    }

    public String getChannel() {
        return channel;
    }

    public Instant getRatedAt() {
        return ratedAt;
    }

    public String getCallbackNote() {
        return callbackNote;
    }

    public Instant getRectificationDueAt() {
        return rectificationDueAt;
    }

    public String getRectificationText() {
        return rectificationText;
    }

    public Instant getRectificationOverdueAt() {
        return rectificationOverdueAt;
    }

    public Instant getRectifiedAt() {
        return rectifiedAt;
    }

    public String getAppealReason() {
        return appealReason;
    }

    public Boolean getAppealUpheld() {
        return appealUpheld;
    }

    public String getAppealDecisionReason() {
        return appealDecisionReason;
    }

    public Instant getAppealDecidedAt() {
        return appealDecidedAt;
    }
}
