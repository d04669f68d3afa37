package org.opensupervision.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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

    /** The whole answer of the public tracking API. */
    record View(String trackingNumber, String status, List<Stage> stages, OpenRating rating) {
    }

    View of(ComplaintFacts c) {
        List<Stage> stages = new ArrayList<>();
        stages.add(new Stage("SUBMITTED", c.submittedAt(), name(c.departmentCode()), null, null, null));
        if (c.routedAt() != null) {
            stages.add(new Stage("ROUTED", c.routedAt(), name(c.handlingDepartmentCode()), null, null, null));
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
            stages.add(new Stage("REPLIED", c.closedAt(), name(c.handlingDepartmentCode()), c.replyText(),
                    null, null));
            stages.add(new Stage("CLOSED", c.closedAt(), null, null, null, null));
        }
        if (c.rejectedAt() != null) {
            stages.add(new Stage("REJECTED", c.rejectedAt(), null, c.rejectionReason(), null, null));
        }
        for (CitizenRating r : ratings.ratingsOf(c.trackingNumber())) {
            if (r.getStatus() == RatingStatus.RATED || r.getStatus() == RatingStatus.DEFAULTED) {
                stages.add(new Stage(r.getStatus() == RatingStatus.DEFAULTED ? "RATED_BY_DEFAULT" : "RATED",
                        r.getRatedAt(), null, r.getLevel().label(), null, null));
            }
            if (r.getRectifiedAt() != null) {
                stages.add(new Stage("RECTIFIED", r.getRectifiedAt(), name(c.handlingDepartmentCode()),
                        r.getRectificationText(), null, null));
            }
            if (r.getStatus() == RatingStatus.VOIDED) {
                stages.add(new Stage("RATING_VOIDED", r.getAppealDecidedAt(), null, null, null, null));
            }
        }
        OpenRating open = ratings.openRound(c.trackingNumber())
                .map(r -> new OpenRating(r.getRound(), r.getDueAt(), ratings.questions())).orElse(null);
        return new View(c.trackingNumber(), c.status().name(), stages, open);
    }

    private String name(String departmentCode) {
        return departmentCode == null ? null : departments.find(departmentCode).map(d -> d.bilingualName())
                .orElse(departmentCode);
    }
}
