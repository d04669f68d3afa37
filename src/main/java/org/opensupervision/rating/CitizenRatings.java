package org.opensupervision.rating;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.opensupervision.audit.AuditRecord;
import org.opensupervision.audit.AuditSource;
import org.opensupervision.audit.AuditTrail;
import org.opensupervision.calendar.WorkingDayCalendar;
import org.opensupervision.rules.RuleTrigger;
import org.opensupervision.rules.SupervisionRules;
import org.opensupervision.web.ControlCharacters;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Satisfaction ratings (好差评): only the complainant rates, through a signed link or the tracking number and access
 * code; one rating per round, at most two rounds (after the reply and after a rectification). Every step is in the
 * audit trail: the citizen's rating, the default, the callback, the appeal and its decision with reason.
 */
@Service
@Transactional
public class CitizenRatings {

    private final CitizenRatingRepository ratings;
    private final RatingLinks links;
    private final RatingProperties properties;
    private final WorkingDayCalendar calendar;
    private final AuditTrail audit;
    private final RuntimeService runtime;
    private final SupervisionRules rules;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    CitizenRatings(CitizenRatingRepository ratings, RatingLinks links, RatingProperties properties,
                   WorkingDayCalendar calendar, AuditTrail audit, RuntimeService runtime, SupervisionRules rules,
                   Clock clock) {
        this.ratings = ratings;
        this.links = links;
        this.properties = properties;
        this.calendar = calendar;
        this.audit = audit;
        this.runtime = runtime;
        this.rules = rules;
        this.clock = clock;
    }

    /** The questionnaire. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<RatingProperties.Question> questions() {
        return properties.questions();
    }

    /** Every round of the case, oldest first. */
    @Transactional(readOnly = true)
    public List<CitizenRating> ratingsOf(String trackingNumber) {
        return ratings.findByTrackingNumberOrderByRound(trackingNumber);
    }

    /** The round waiting for the complainant's rating now, if any. */
    @Transactional(readOnly = true)
    public Optional<CitizenRating> openRound(String trackingNumber) {
        Instant now = clock.instant();
        return ratingsOf(trackingNumber).stream().filter(r -> r.isOpenAt(now)).findFirst();
    }

    /** The round a signed link is for, if the link is genuine, unused and not expired. */
    @Transactional(readOnly = true)
    public Optional<CitizenRating> roundOfLink(String token) {
        return links.read(token).flatMap(l -> ratings.findByTrackingNumberAndRound(l.trackingNumber(), l.round()))
                .filter(r -> r.isOpenAt(clock.instant()));
    }

    /** The link for the case's open round, for the mail, or empty when no round is open. */
    @Transactional(readOnly = true)
    public Optional<String> linkTokenFor(String trackingNumber) {
        return openRound(trackingNumber).map(r -> links.tokenFor(r.getTrackingNumber(), r.getRound(), r.getDueAt()));
    }

    /** Rating through the signed link in the mail. */
    public CitizenRating submitWithLink(String token, RatingSubmission submission) {
        RatingLinks.Link link = links.read(token)
                .orElseThrow(() -> new RatingRejectedException(RatingRejectedException.Reason.INVALID_LINK, null));
        if (clock.instant().isAfter(link.expiresAt())) {
            throw new RatingRejectedException(RatingRejectedException.Reason.NOT_OPEN, null);
        }
        return submit(link.trackingNumber(), link.round(), submission, "LINK");
    }

    /**
     * Rating through the tracking page; the caller has checked the tracking number and access code.
     */
    public CitizenRating submitAsComplainant(String trackingNumber, RatingSubmission submission) {
        CitizenRating open = openRound(trackingNumber)
                .orElseThrow(() -> new RatingRejectedException(RatingRejectedException.Reason.NOT_OPEN, null));
        return submit(trackingNumber, open.getRound(), submission, "TRACKING_PAGE");
    }

    private CitizenRating submit(String trackingNumber, int round, RatingSubmission submission, String channel) {
        CitizenRating rating = ratings.findByTrackingNumberAndRound(trackingNumber, round)
                .filter(r -> r.isOpenAt(clock.instant()))
                .orElseThrow(() -> new RatingRejectedException(RatingRejectedException.Reason.NOT_OPEN, null));
        RatingLevel level = validate(submission);
        String answers = toJson(submission.answers());
        rating.rate(level, blankToNull(submission.comment()), answers, channel, clock.instant());
        try {
            ratings.saveAndFlush(rating);
        } catch (ConcurrencyFailureException ratedMeanwhile) {
            // Two ratings of one round at once (a double click, two tabs): the first one counts, the other is told
            // the round is closed, as it would be a moment later.
            throw new RatingRejectedException(RatingRejectedException.Reason.NOT_OPEN, null);
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("round", round);
        detail.put("level", level.score());
        detail.put("channel", channel);
        detail.put("answers", submission.answers());
        detail.put("commentGiven", rating.getComment() != null);
        audit.append(new AuditRecord(trackingNumber, "RATING_SUBMITTED", AuditSource.CITIZEN, null, null,
                "round-" + round, detail, null));
        runtime.createMessageCorrelation(RatingProcess.RATING_SUBMITTED).processInstanceBusinessKey(trackingNumber)
                .correlateWithResult();
        return rating;
    }

    /**
     * Opens a rating round: the complainant has {@code daysToRate} calendar days.
     *
     * @param departmentCode the department the rating counts against (the one handling the case)
     */
    public CitizenRating open(String trackingNumber, int round, String departmentCode) {
        Instant now = clock.instant();
        return ratings.save(new CitizenRating(trackingNumber, round, departmentCode, now,
                now.plus(Duration.ofDays(properties.daysToRate()))));
    }

    /**
     * The round the message said was rated; fails unless the complainant really rated it, so that nobody can push a
     * rating into the process around this class (no staff-entered ratings). A bad rating asks the supervision rules
     * to look at the department's record ({@link RuleTrigger#BAD_RATING}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public CitizenRating confirmRated(String trackingNumber, int round) {
        CitizenRating rating = requireRated(trackingNumber, round);
        if (rating.getLevel().isBad()) {
            rules.requestCheck(trackingNumber, RuleTrigger.BAD_RATING);
        }
        return rating;
    }

    /**
     * The round's rating from the complainant; fails when there is none. Checked while the RatingSubmitted message is
     * correlated, so that a message from anyone else fails at once, in the sender's call.
     */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public CitizenRating requireRated(String trackingNumber, int round) {
        return ratings.findByTrackingNumberAndRound(trackingNumber, round)
                .filter(r -> r.getStatus() == RatingStatus.RATED)
                .orElseThrow(() -> new IllegalStateException("Round " + round + " of " + trackingNumber
                        + " has no rating from the complainant"));
    }

    /** No rating in time: the round counts as 基本满意, marked as defaulted. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordDefault(String trackingNumber, int round) {
        CitizenRating rating = get(trackingNumber, round);
        rating.rateByDefault(clock.instant());
        audit.append(new AuditRecord(trackingNumber, "RATING_DEFAULTED", AuditSource.ENGINE, null, null,
                "round-" + round, Map.of("level", RatingLevel.BASICALLY_SATISFIED.score(), "defaulted", true), null));
    }

    /**
     * After a bad rating: the supervision office called the complainant back ({@code note}; null for an anonymous
     * complainant, who cannot be called back), and the department now has its working days to rectify.
     *
     * @return the rectification deadline
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Instant openRectification(String trackingNumber, String note, String actor) {
        Instant due = calendar.addWorkingDays(clock.instant(), properties.rectificationWorkingDays());
        get(trackingNumber, 1).recordCallback(note, due);
        // The note may name the complainant: the trail records that it was written, not what it says.
        audit.append(new AuditRecord(trackingNumber, note == null ? "RECTIFICATION_OPENED" : "CALLBACK_RECORDED",
                source(actor), actor, null, "round-1",
                Map.of("noteLength", note == null ? 0 : note.length(), "rectificationDueAt", due), null));
        return due;
    }

    /**
     * The rectification passed its deadline: a breach of the department, recorded once per case (a refused appeal
     * re-enters the rectification with the same deadline, and its timer fires again), audited and fed to the
     * supervision rules ({@link RuleTrigger#RATING_RECTIFICATION_OVERDUE}).
     *
     * @return true the first time, false when the overdue was recorded before (nothing is recorded or sent again)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean recordRectificationOverdue(String trackingNumber) {
        CitizenRating rating = get(trackingNumber, 1);
        if (!rating.recordRectificationOverdue(clock.instant())) {
            return false;
        }
        audit.append(new AuditRecord(trackingNumber, "RECTIFICATION_OVERDUE", AuditSource.ENGINE, null, null,
                "round-1", Map.of("rectificationDueAt", rating.getRectificationDueAt(),
                "departmentCode", rating.getDepartmentCode()), null));
        rules.requestCheck(trackingNumber, RuleTrigger.RATING_RECTIFICATION_OVERDUE);
        return true;
    }

    /** The department appealed the bad rating as malicious. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAppeal(String trackingNumber, String reason, String actor) {
        get(trackingNumber, 1).recordAppeal(reason);
        audit.append(new AuditRecord(trackingNumber, "APPEAL_FILED", source(actor), actor, null, "round-1",
                Map.of("ratingStatus", RatingStatus.RATED), reason));
    }

    /** The supervision office decided the appeal; an upheld appeal voids the rating. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void decideAppeal(String trackingNumber, boolean upheld, String reason, String actor) {
        CitizenRating rating = get(trackingNumber, 1);
        RatingStatus before = rating.getStatus();
        rating.decideAppeal(upheld, reason, clock.instant());
        audit.append(AuditRecord.staffAction(trackingNumber, upheld ? "APPEAL_UPHELD" : "APPEAL_REFUSED", actor,
                Map.of("ratingStatus", before), Map.of("ratingStatus", rating.getStatus()), reason));
    }

    /** The department rectified and replied again; the complainant may rate once more (round 2). */
    @Transactional(propagation = Propagation.MANDATORY)
    public CitizenRating recordRectification(String trackingNumber, String text, String actor) {
        get(trackingNumber, 1).recordRectification(text, clock.instant());
        audit.append(new AuditRecord(trackingNumber, "RECTIFICATION_REPLIED", source(actor), actor, null, "round-1",
                Map.of("replyLength", text.length()), null));
        return open(trackingNumber, 2, get(trackingNumber, 1).getDepartmentCode());
    }

    private static AuditSource source(String actor) {
        return actor == null ? AuditSource.ENGINE : AuditSource.STAFF;
    }

    private CitizenRating get(String trackingNumber, int round) {
        return ratings.findByTrackingNumberAndRound(trackingNumber, round)
                .orElseThrow(() -> new IllegalStateException("No rating round " + round + " for " + trackingNumber));
    }

    private RatingLevel validate(RatingSubmission s) {
        List<Map<String, Object>> errors = new ArrayList<>();
        if (s.level() == null || s.level() < 1 || s.level() > 5) {
            errors.add(error("level", "range", "请选择 1 至 5 级评价 / Choose a level from 1 to 5"));
        }
        if (s.comment() != null && s.comment().length() > 2000) {
            errors.add(error("comment", "tooLong", "评价意见不超过 2000 字 / At most 2,000 characters"));
        } else if (ControlCharacters.inText(s.comment())) {
            errors.add(error("comment", ControlCharacters.CODE,
                    "不能包含控制字符 / Control characters are not allowed"));
        }
        Map<String, Object> answers = s.answers() == null ? Map.of() : s.answers();
        for (String key : answers.keySet()) {
            if (properties.questions().stream().noneMatch(q -> q.key().equals(key))) {
                errors.add(error("answers." + key, "unknownQuestion", "没有这个问题 / No such question"));
            }
        }
        for (RatingProperties.Question q : properties.questions()) {
            Object answer = answers.get(q.key());
            boolean valid = answer == null
                    || (q.type() == RatingProperties.QuestionType.YES_NO && answer instanceof Boolean)
                    || (q.type() == RatingProperties.QuestionType.SCALE && answer instanceof Integer i && i >= 1
                        && i <= 5);
            if (!valid) {
                errors.add(error("answers." + q.key(), "invalidAnswer", q.type() == RatingProperties.QuestionType.YES_NO
                        ? "请回答是或否 / Answer yes or no" : "请选择 1 至 5 / Choose 1 to 5"));
            }
        }
        if (!errors.isEmpty()) {
            throw new RatingRejectedException(RatingRejectedException.Reason.INVALID, errors);
        }
        return RatingLevel.ofScore(s.level());
    }

    private static Map<String, Object> error(String field, String code, String message) {
        return Map.of("field", field, "code", code, "message", message);
    }

    private String toJson(Map<String, Object> answers) {
        if (answers == null || answers.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(answers);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException(ex);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
