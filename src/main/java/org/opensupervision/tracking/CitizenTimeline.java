package org.opensupervision.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.opensupervision.complaint.ComplaintFacts;
import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.rating.CitizenRating;
import org.opensupervision.rating.CitizenRatings;
import org.opensupervision.rating.RatingProperties;
import org.opensupervision.rating.RatingStatus;
import org.springframework.stereotype.Component;

/**
 * The citizen-safe view of a case: built from an allow-list of facts (stages, times, department names, the texts the
 * complainant is meant to read). No staff names, no internal comments, no contact data, no other case.
 */
@Component
class CitizenTimeline {

    private final DepartmentDirectory departments;
    private final CitizenRatings ratings;

    CitizenTimeline(DepartmentDirectory departments, CitizenRatings ratings) {
        this.departments = departments;
        this.ratings = ratings;
    }

    /** One stage the complainant sees. */
    record Stage(String stage, Instant at, String department, String text, Boolean onTime, Instant dueAt) {
    }

    /** The open rating round, if any: what the tracking page needs to offer the rating form. */
    record OpenRating(int round, Instant dueAt, List<RatingProperties.Question> questions) {
    }

    /**
     * Where the case stands and what comes next, in one line: the state ({@code track.now.<state>} in the messages),
     * the department that holds it and the date the next step is due, if any.
     */
    record Now(String state, String department, Instant nextDueAt) {
    }

    /** The whole answer of the public tracking API. */
    record View(String trackingNumber, String status, List<Stage> stages, OpenRating rating, Now now) {
    }

    /** The view with department names in both languages (the JSON API). */
    View of(ComplaintFacts c) {
        return of(c, null);
    }

    /** The view with department names in the page's language ({@code null}: both). */
    View of(ComplaintFacts c, Locale locale) {
        List<Stage> stages = new ArrayList<>();
        stages.add(new Stage("SUBMITTED", c.submittedAt(), name(c.departmentCode(), locale), null, null, null));
        if (c.routedAt() != null) {
            stages.add(new Stage("ROUTED", c.routedAt(), name(c.handlingDepartmentCode(), locale), null, null, null));
        }
        if (c.firstFeedbackAt() != null) {
            stages.add(new Stage("FIRST_FEEDBACK", c.firstFeedbackAt(), null, c.firstFeedbackText(),
                    !c.firstFeedbackAt().isAfter(c.firstFeedbackDueAt()), c.firstFeedbackDueAt()));
        }
        if (c.handlingStartedAt() != null) {
            stages.add(new Stage("HANDLING", c.handlingStartedAt(), null, null, null, c.handlingDueAt()));
        }
        if (c.extensionDecidedAt() != null && Boolean.TRUE.equals(c.extensionApproved())) {
            stages.add(new Stage("EXTENDED", c.extensionDecidedAt(), null, null, null, c.handlingDueAt()));
        }
        if (c.closedAt() != null) {
            stages.add(new Stage("REPLIED", c.closedAt(), name(c.handlingDepartmentCode(), locale), c.replyText(),
                    null, null));
            stages.add(new Stage("CLOSED", c.closedAt(), null, null, null, null));
        }
        if (c.rejectedAt() != null) {
            stages.add(new Stage("REJECTED", c.rejectedAt(), null, c.rejectionReason(), null, null));
        }
        for (CitizenRating r : ratings.ratingsOf(c.trackingNumber())) {
            if (r.getStatus() == RatingStatus.RATED || r.getStatus() == RatingStatus.DEFAULTED) {
                stages.add(new Stage(r.getStatus() == RatingStatus.DEFAULTED ? "RATED_BY_DEFAULT" : "RATED",
                        r.getRatedAt(), null, level(r.getLevel().label(), locale), null, null));
            }
            if (r.getRectifiedAt() != null) {
                stages.add(new Stage("RECTIFIED", r.getRectifiedAt(), name(c.handlingDepartmentCode(), locale),
                        r.getRectificationText(), null, null));
            }
            if (r.getStatus() == RatingStatus.VOIDED) {
                stages.add(new Stage("RATING_VOIDED", r.getAppealDecidedAt(), null, null, null, null));
            }
        }
        OpenRating open = ratings.openRound(c.trackingNumber())
                .map(r -> new OpenRating(r.getRound(), r.getDueAt(), ratings.questions())).orElse(null);
        return new View(c.trackingNumber(), c.status().name(), stages, open, now(c, open, locale));
    }

    private Now now(ComplaintFacts c, OpenRating open, Locale locale) {
        String holder = name(c.handlingDepartmentCode() == null ? c.departmentCode()
                : c.handlingDepartmentCode(), locale);
        return switch (c.status()) {
            case SUBMITTED -> new Now("SUBMITTED", holder, c.firstFeedbackDueAt());
            case AWAITING_FIRST_FEEDBACK -> new Now("AWAITING_FIRST_FEEDBACK", holder, c.firstFeedbackDueAt());
            case IN_HANDLING -> new Now("IN_HANDLING", holder, c.handlingDueAt());
            case UNDER_REVIEW -> new Now("UNDER_REVIEW", holder, null);
            case CLOSED -> open != null ? new Now("TO_RATE", holder, open.dueAt()) : new Now("CLOSED", holder, null);
            case REJECTED -> new Now("REJECTED", holder, null);
        };
    }

    /** A "中文 / English" label in the page's language ({@code null}: both). */
    private static String level(String bilingual, Locale locale) {
        int slash = bilingual.indexOf(" / ");
        if (locale == null || slash < 0) {
            return bilingual;
        }
        return "en".equals(locale.getLanguage()) ? bilingual.substring(slash + 3) : bilingual.substring(0, slash);
    }

    private String name(String departmentCode) {
        return name(departmentCode, null);
    }

    private String name(String departmentCode, Locale locale) {
        return departmentCode == null ? null : departments.find(departmentCode)
                .map(d -> locale == null ? d.bilingualName() : d.name(locale)).orElse(departmentCode);
    }
}
