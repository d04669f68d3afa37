package org.opensupervision.approval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.opensupervision.calendar.WorkingDayCalendar;
import org.springframework.stereotype.Component;

/**
 * The two clocks of an approval case (法定时限 and 承诺时限) and its stage limits, in working days on the official
 * calendar (China Standard Time), and the instants at which each card falls due.
 *
 * <ul>
 *   <li>A limit of {@code n} working days from acceptance ends at 24:00 of the {@code n}-th working day after the day
 *       of acceptance, plus the days its stops counted ({@link WorkingDayCalendar#addWorkingDays(Instant, int)});
 *       0 days (即办件) is the end of the day of acceptance.</li>
 *   <li>Yellow when the limit is near: {@code yellowWorkingDaysBefore} working days before it, or when
 *       {@code yellowShareUsed} of it is used, whichever comes first; not for a same-day limit.</li>
 *   <li>Red when the limit passes before the decision.</li>
 *   <li>While a stop is open the clocks stand still; once it has lasted its item's maximum, it is flagged and the
 *       clocks run again.</li>
 * </ul>
 */
@Component
class ApprovalClockPolicy {

    /** A card cause and the instant it falls due. */
    record Threshold(CardCause cause, Instant at) {
    }

    /** The limits of a case as of an instant. */
    record Dues(Instant promised, Instant statutory) {
        static final Dues NONE = new Dues(null, null);
    }

    private final WorkingDayCalendar calendar;
    private final ApprovalProperties properties;

    ApprovalClockPolicy(WorkingDayCalendar calendar, ApprovalProperties properties) {
        this.calendar = calendar;
        this.properties = properties;
    }

    /** The working days a stop from one instant to another covers (the first day not counted). */
    int stopDays(Instant from, Instant to) {
        return Math.max(0, calendar.workingDaysBetween(from.atZone(calendar.zone()).toLocalDate(),
                to.atZone(calendar.zone()).toLocalDate()));
    }

    /** The end of a stage limit of {@code limit} working days from {@code from}, or null when there is none. */
    Instant stageDue(Integer limit, Instant from, int stoppedWorkingDays) {
        return limit == null || from == null ? null : calendar.addWorkingDays(from, limit + stoppedWorkingDays);
    }

    /** The two limits of an accepted case, with its stops counted as of {@code now}. */
    Dues dues(CaseProgress c, Instant now) {
        if (c.acceptedAt == null || c.stage == CaseStatus.SUBMITTED) {
            return Dues.NONE;
        }
        int stopped = c.stoppedWorkingDays + c.openStopCredit(c.decidedAt != null ? c.decidedAt : now);
        ApprovalItem item = c.item();
        return new Dues(calendar.addWorkingDays(c.acceptedAt, promisedLimit(item) + stopped),
                calendar.addWorkingDays(c.acceptedAt, item.statutoryLimitWorkingDays() + stopped));
    }

    /** The working days a decided case used from acceptance to its decision, net of its stops; null before. */
    Integer usedWorkingDays(CaseProgress c) {
        if (c.acceptedAt == null || c.decidedAt == null || c.decidedAt.isBefore(c.acceptedAt)) {
            return null;
        }
        return Math.max(0, stopDays(c.acceptedAt, c.decidedAt) - c.stoppedWorkingDays);
    }

    /** The limits a decision at {@code at} has passed, and a late review stage. */
    Set<CardCause> passedAtDecision(CaseProgress c, Instant at) {
        Set<CardCause> passed = EnumSet.noneOf(CardCause.class);
        Dues dues = dues(c, at);
        if (!at.isBefore(dues.promised())) {
            passed.add(CardCause.PROMISED_LIMIT_PASSED);
        }
        if (!at.isBefore(dues.statutory())) {
            passed.add(CardCause.STATUTORY_LIMIT_PASSED);
        }
        Instant reviewDue = stageDue(c.item().reviewLimitWorkingDays(), c.acceptedAt, c.stoppedWorkingDays);
        if (reviewDue != null && !at.isBefore(reviewDue)) {
            passed.add(CardCause.REVIEW_STAGE_LATE);
        }
        return passed;
    }

    /**
     * The cards the running clocks of an open case will raise, each with its instant, as of {@code now}. While a stop
     * is open and within its maximum only the stop's own limit runs.
     */
    List<Threshold> thresholds(CaseProgress c, Instant now) {
        List<Threshold> thresholds = new ArrayList<>();
        if (!c.isOpen()) {
            return thresholds;
        }
        ApprovalItem item = c.item();
        if (c.stopSince != null) {
            Instant stopLimit = calendar.addWorkingDays(c.stopSince, item.maxStopWorkingDays());
            thresholds.add(new Threshold(CardCause.STOP_OVER_LIMIT, stopLimit));
            if (now.isBefore(stopLimit)) {
                return thresholds;
            }
        }
        int stopped = c.stoppedWorkingDays + c.openStopCredit(now);
        switch (c.stage) {
            case SUBMITTED -> add(thresholds, CardCause.ACCEPTANCE_STAGE_LATE,
                    stageDue(item.acceptanceLimitWorkingDays(), c.submittedAt, stopped));
            case ACCEPTED -> {
                Dues dues = dues(c, now);
                if (promisedLimit(item) > 0) {
                    add(thresholds, CardCause.PROMISED_LIMIT_NEAR, near(c, promisedLimit(item), stopped, dues.promised()));
                }
                add(thresholds, CardCause.PROMISED_LIMIT_PASSED, dues.promised());
                if (item.statutoryLimitWorkingDays() > 0) {
                    add(thresholds, CardCause.STATUTORY_LIMIT_NEAR,
                            near(c, item.statutoryLimitWorkingDays(), stopped, dues.statutory()));
                }
                add(thresholds, CardCause.STATUTORY_LIMIT_PASSED, dues.statutory());
                add(thresholds, CardCause.REVIEW_STAGE_LATE,
                        stageDue(item.reviewLimitWorkingDays(), c.acceptedAt, stopped));
            }
            case DECIDED -> add(thresholds, CardCause.DELIVERY_STAGE_LATE,
                    stageDue(item.decisionLimitWorkingDays(), c.decidedAt, 0));
            default -> {
            }
        }
        return thresholds;
    }

    /**
     * The clock causes a late event may disprove, each with the instant the recomputed clocks give it; a card of such
     * a cause is justified only if that instant had come when the clock ended (the decision) or has come now.
     */
    java.util.Map<CardCause, Instant> recomputed(CaseProgress c, Instant now) {
        java.util.Map<CardCause, Instant> instants = new java.util.EnumMap<>(CardCause.class);
        if (c.acceptedAt == null || c.stage == CaseStatus.SUBMITTED) {
            return instants;
        }
        ApprovalItem item = c.item();
        int stopped = c.stoppedWorkingDays + c.openStopCredit(c.decidedAt != null ? c.decidedAt : now);
        Dues dues = dues(c, now);
        instants.put(CardCause.PROMISED_LIMIT_PASSED, dues.promised());
        instants.put(CardCause.STATUTORY_LIMIT_PASSED, dues.statutory());
        if (promisedLimit(item) > 0) {
            instants.put(CardCause.PROMISED_LIMIT_NEAR, near(c, promisedLimit(item), stopped, dues.promised()));
        }
        if (item.statutoryLimitWorkingDays() > 0) {
            instants.put(CardCause.STATUTORY_LIMIT_NEAR,
                    near(c, item.statutoryLimitWorkingDays(), stopped, dues.statutory()));
        }
        Instant review = stageDue(item.reviewLimitWorkingDays(), c.acceptedAt, stopped);
        if (review != null) {
            instants.put(CardCause.REVIEW_STAGE_LATE, review);
        }
        return instants;
    }

    private Instant near(CaseProgress c, int limit, int stopped, Instant due) {
        Instant daysBefore = calendar.subtractWorkingDays(due, properties.yellowWorkingDaysBefore());
        Instant shareUsed = calendar.addWorkingDays(c.acceptedAt,
                (int) Math.floor(properties.yellowShareUsed() * limit) + stopped);
        return daysBefore.isBefore(shareUsed) ? daysBefore : shareUsed;
    }

    /** 即办件 are due the same working day whatever the catalogue's promised limit says. */
    private static int promisedLimit(ApprovalItem item) {
        return item.caseType() == CaseType.IMMEDIATE ? 0 : item.promisedLimitWorkingDays();
    }

    private static void add(List<Threshold> thresholds, CardCause cause, Instant at) {
        if (at != null) {
            thresholds.add(new Threshold(cause, at));
        }
    }
}
