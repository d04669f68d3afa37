package org.opensupervision.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.opensupervision.complaint.Complaint;
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
    View of(Complaint c) {
        return of(c, null);
    }

    /** The view with department names in the page's language ({@code null}: both). */
    View of(Complaint c, Locale locale) {
        List<Stage> stages = new ArrayList<>();
        stages.add(new Stage("SUBMITTED", c.getSubmittedAt(), name(c.getDepartmentCode(), locale), null, null, null));
        if (c.getRoutedAt() != null) {
            stages.add(new Stage("ROUTED", c.getRoutedAt(), name(c.getHandlingDepartmentCode(), locale), null, null, null));
        }
        if (c.getFirstFeedbackAt() != null) {
            stages.add(new Stage("FIRST_FEEDBACK", c.getFirstFeedbackAt(), null, c.getFirstFeedbackText(),
                    !c.getFirstFeedbackAt().isAfter(c.getFirstFeedbackDueAt()), c.getFirstFeedbackDueAt()));
        }
        if (c.getHandlingStartedAt() != null) {
            stages.add(new Stage("HANDLING", c.getHandlingStartedAt(), null, null, null, c.getHandlingDueAt()));
        }
        if (c.getExtensionDecidedAt() != null && Boolean.TRUE.equals(c.getExtensionApproved())) {
            stages.add(new Stage("EXTENDED", c.getExtensionDecidedAt(), null, null, null, c.getHandlingDueAt()));
        }
        if (c.getClosedAt() != null) {
            stages.add(new Stage("REPLIED", c.getClosedAt(), name(c.getHandlingDepartmentCode(), locale), c.getReplyText(),
                    null, null));
            stages.add(new Stage("CLOSED", c.getClosedAt(), null, null, null, null));
        }
        if (c.getRejectedAt() != null) {
            stages.add(new Stage("REJECTED", c.getRejectedAt(), null, c.getRejectionReason(), null, null));
        }
        for (CitizenRating r : ratings.ratingsOf(c.getTrackingNumber())) {
            if (r.getStatus() == RatingStatus.RATED || r.getStatus() == RatingStatus.DEFAULTED) {
                stages.add(new Stage(r.getStatus() == RatingStatus.DEFAULTED ? "RATED_BY_DEFAULT" : "RATED",
                        r.getRatedAt(), null, level(r.getLevel().label(), locale), null, null));
            }
            if (r.getRectifiedAt() != null) {
                stages.add(new Stage("RECTIFIED", r.getRectifiedAt(), name(c.getHandlingDepartmentCode(), locale),
                        r.getRectificationText(), null, null));
            }
            if (r.getStatus() == RatingStatus.VOIDED) {
                stages.add(new Stage("RATING_VOIDED", r.getAppealDecidedAt(), null, null, null, null));
            }
        }
        OpenRating open = ratings.openRound(c.getTrackingNumber())
                .map(r -> new OpenRating(r.getRound(), r.getDueAt(), ratings.questions())).orElse(null);
        return new View(c.getTrackingNumber(), c.getStatus().name(), stages, open, now(c, open, locale));
    }

    private Now now(Complaint c, OpenRating open, Locale locale) {
        String holder = name(c.getHandlingDepartmentCode() == null ? c.getDepartmentCode()
                : c.getHandlingDepartmentCode(), locale);
        return switch (c.getStatus()) {
            case SUBMITTED -> new Now("SUBMITTED", holder, c.getFirstFeedbackDueAt());
            case AWAITING_FIRST_FEEDBACK -> new Now("AWAITING_FIRST_FEEDBACK", holder, c.getFirstFeedbackDueAt());
            case IN_HANDLING -> new Now("IN_HANDLING", holder, c.getHandlingDueAt());
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
