package org.opensupervision.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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

    /** The whole answer of the public tracking API. */
    record View(String trackingNumber, String status, List<Stage> stages, OpenRating rating) {
    }

    View of(Complaint c) {
        List<Stage> stages = new ArrayList<>();
        stages.add(new Stage("SUBMITTED", c.getSubmittedAt(), name(c.getDepartmentCode()), null, null, null));
        if (c.getRoutedAt() != null) {
            stages.add(new Stage("ROUTED", c.getRoutedAt(), name(c.getHandlingDepartmentCode()), null, null, null));
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
            stages.add(new Stage("REPLIED", c.getClosedAt(), name(c.getHandlingDepartmentCode()), c.getReplyText(),
                    null, null));
            stages.add(new Stage("CLOSED", c.getClosedAt(), null, null, null, null));
        }
        if (c.getRejectedAt() != null) {
            stages.add(new Stage("REJECTED", c.getRejectedAt(), null, c.getRejectionReason(), null, null));
        }
        for (CitizenRating r : ratings.ratingsOf(c.getTrackingNumber())) {
            if (r.getStatus() == RatingStatus.RATED || r.getStatus() == RatingStatus.DEFAULTED) {
                stages.add(new Stage(r.getStatus() == RatingStatus.DEFAULTED ? "RATED_BY_DEFAULT" : "RATED",
                        r.getRatedAt(), null, r.getLevel().label(), null, null));
            }
            if (r.getRectifiedAt() != null) {
                stages.add(new Stage("RECTIFIED", r.getRectifiedAt(), name(c.getHandlingDepartmentCode()),
                        r.getRectificationText(), null, null));
            }
            if (r.getStatus() == RatingStatus.VOIDED) {
                stages.add(new Stage("RATING_VOIDED", r.getAppealDecidedAt(), null, null, null, null));
            }
        }
        OpenRating open = ratings.openRound(c.getTrackingNumber())
                .map(r -> new OpenRating(r.getRound(), r.getDueAt(), ratings.questions())).orElse(null);
        return new View(c.getTrackingNumber(), c.getStatus().name(), stages, open);
    }

    private String name(String departmentCode) {
        return departmentCode == null ? null : departments.find(departmentCode).map(d -> d.bilingualName())
                .orElse(departmentCode);
    }
}
