package org.opensupervision.approval.simulator;

import static org.opensupervision.approval.ApprovalEventType.ACCEPTED;
import static org.opensupervision.approval.ApprovalEventType.COMPLETED;
import static org.opensupervision.approval.ApprovalEventType.CORRECTION_RECEIVED;
import static org.opensupervision.approval.ApprovalEventType.CORRECTION_REQUESTED;
import static org.opensupervision.approval.ApprovalEventType.DECIDED;
import static org.opensupervision.approval.ApprovalEventType.REFUSED_AT_INTAKE;
import static org.opensupervision.approval.ApprovalEventType.SPECIAL_PROCEDURE_ENDED;
import static org.opensupervision.approval.ApprovalEventType.SPECIAL_PROCEDURE_STARTED;
import static org.opensupervision.approval.ApprovalEventType.SUBMITTED;
import static org.opensupervision.approval.ApprovalEventType.WITHDRAWN;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import org.opensupervision.approval.ApprovalDecision;
import org.opensupervision.approval.ApprovalItem;
import org.opensupervision.approval.CaseType;
import org.opensupervision.approval.Channel;
import org.opensupervision.approval.SpecialProcedure;
import org.opensupervision.calendar.WorkingDayCalendar;

/**
 * Writes the script of a new simulated case: which way it ends, through which channel, with which stops, and how long
 * ago it was accepted. Lateness is made by backdating, never by events in the future: a case accepted more working
 * days ago than its promised limit is late as soon as it arrives (red), one whose promised limit ends today or on the
 * next working day is near its limit (yellow). All choices come from one seeded {@link Random}: the same seed, clock
 * and catalogue give the same scripts.
 */
final class CaseScripts {

    /** How a case ends; the irregular ones are what the red cards of the closure exist for. */
    enum Ending {
        COMPLETED, REFUSED_AT_INTAKE, WITHDRAWN, REFUSED_WITHOUT_REASON, COUNTER_WHEN_ONLINE_REQUIRED,
        DECIDED_BEFORE_ACCEPTANCE
    }

    /** How much of its limit an accepted case has used when it arrives. */
    enum Timing {
        ON_TIME, NEAR, LATE
    }

    private static final List<String> CORRECTIONS = List.of("缺少营业执照副本复印件", "申请表未加盖单位公章",
            "法定代表人身份证明已过期，请重新提交", "场地使用证明材料不完整", "技术方案缺少专家签字页",
            "财务审计报告年度与申请不符", "委托书未注明委托权限");
    private static final List<String> INTAKE_REFUSALS = List.of("申请事项不属于本机关职权范围",
            "申请人不具备申请资格", "申请材料存在虚假内容，依法不予受理");
    private static final List<String> REFUSALS = List.of("经审查不符合法定条件", "现场核查不合格",
            "专家评审未通过", "检验检测结果不符合标准要求");
    private static final LocalTime OFFICE_OPENS = LocalTime.of(9, 0);

    private final WorkingDayCalendar calendar;
    private final Random random;
    private final double lateShare;
    private final double nearShare;

    CaseScripts(WorkingDayCalendar calendar, Random random, double lateShare, double nearShare) {
        this.calendar = calendar;
        this.random = random;
        this.lateShare = lateShare;
        this.nearShare = nearShare;
    }

    /** The script of a new case of {@code item}, as of {@code now}. */
    SimulatedCase next(String caseId, ApprovalItem item, Instant now) {
        Ending ending = ending(item);
        boolean online = random.nextDouble() < (item.onlineRequired() ? 0.9 : 0.6);
        Channel applied = online ? Channel.ONLINE : Channel.COUNTER;
        // An item that must be handled online is concluded online, even when the applicant came to the counter.
        Channel concluded = ending == Ending.COUNTER_WHEN_ONLINE_REQUIRED ? Channel.COUNTER
                : item.onlineRequired() ? Channel.ONLINE : applied;
        boolean accepts = ending != Ending.REFUSED_AT_INTAKE && ending != Ending.DECIDED_BEFORE_ACCEPTANCE;
        boolean correction = accepts && random.nextDouble() < 0.2;
        boolean special = ending == Ending.COMPLETED && item.caseType() != CaseType.IMMEDIATE
                && random.nextDouble() < 0.12;
        Timing timing = timing(item, ending);
        List<SimulatedStep> steps = new ArrayList<>();
        LocalDate today = now.atZone(calendar.zone()).toLocalDate();
        int promised = item.caseType() == CaseType.IMMEDIATE ? 0 : item.promisedLimitWorkingDays();
        // A case never accepted is applied for live: a backdated application would wait for its intake decision
        // and be carded as a late acceptance it is not.
        int base = switch (timing) {
            case ON_TIME -> accepts ? random.nextInt(promised / 2 + 1) : 0;
            case LATE -> promised + 1 + random.nextInt(3);
            case NEAR -> 0;
        };
        // A 补正 fits before today when the case was accepted at least two working days ago: its stop days are added
        // to the backdating, so the case uses the same share of its limit as without it.
        int stopDays = correction && timing != Timing.NEAR && base >= 2 ? 1 + random.nextInt(2) : 0;
        LocalDate acceptanceDay = timing == Timing.NEAR
                ? workingDaysBefore(firstWorkingDayFrom(today), promised)
                : workingDaysBefore(today, base + stopDays);
        boolean backdated = acceptanceDay.isBefore(today);
        Instant acceptedAt = backdated ? during(acceptanceDay) : null;
        if (backdated) {
            steps.add(SimulatedStep.at(SUBMITTED, applied, acceptedAt.minusSeconds(60L * (30 + random.nextInt(1200)))));
        } else {
            steps.add(SimulatedStep.live(SUBMITTED, applied));
        }
        switch (ending) {
            case REFUSED_AT_INTAKE -> steps.add(SimulatedStep.live(REFUSED_AT_INTAKE, applied)
                    .because(pick(INTAKE_REFUSALS)));
            case DECIDED_BEFORE_ACCEPTANCE -> {
                steps.add(SimulatedStep.live(DECIDED, applied).deciding(ApprovalDecision.APPROVED));
                steps.add(SimulatedStep.live(COMPLETED, concluded));
            }
            default -> {
                steps.add(backdated ? SimulatedStep.at(ACCEPTED, applied, acceptedAt)
                        : SimulatedStep.live(ACCEPTED, applied));
                if (correction) {
                    correction(steps, applied, acceptanceDay, stopDays);
                }
                if (ending == Ending.WITHDRAWN) {
                    steps.add(SimulatedStep.live(WITHDRAWN, applied).because("申请人主动撤回申请"));
                    break;
                }
                if (special) {
                    SpecialProcedure procedure = SpecialProcedure.values()[random.nextInt(
                            SpecialProcedure.values().length)];
                    steps.add(SimulatedStep.live(SPECIAL_PROCEDURE_STARTED, applied).of(procedure));
                    steps.add(SimulatedStep.live(SPECIAL_PROCEDURE_ENDED, applied).of(procedure));
                }
                decision(steps, item, ending, applied);
                steps.add(SimulatedStep.live(COMPLETED, concluded));
            }
        }
        String scenario = item.itemCode() + " " + timing + " " + ending + " " + (backdated ? acceptanceDay : "today")
                + ": " + steps.stream().map(s -> s.type() + "/" + s.channel()).collect(Collectors.joining(" "));
        return new SimulatedCase(caseId, item, scenario, steps);
    }

    private Ending ending(ApprovalItem item) {
        double r = random.nextDouble();
        if (r < 0.05) {
            return Ending.REFUSED_AT_INTAKE;
        }
        if (r < 0.10) {
            return Ending.WITHDRAWN;
        }
        if (r < 0.13) {
            return Ending.REFUSED_WITHOUT_REASON;
        }
        if (r < 0.16 && item.onlineRequired()) {
            return Ending.COUNTER_WHEN_ONLINE_REQUIRED;
        }
        if (r >= 0.16 && r < 0.18) {
            return Ending.DECIDED_BEFORE_ACCEPTANCE;
        }
        return Ending.COMPLETED;
    }

    private Timing timing(ApprovalItem item, Ending ending) {
        double r = random.nextDouble();
        if (ending == Ending.REFUSED_AT_INTAKE || ending == Ending.DECIDED_BEFORE_ACCEPTANCE) {
            return Timing.ON_TIME;
        }
        if (r < lateShare) {
            return Timing.LATE;
        }
        // 即办件 have no yellow: their limit is the day of acceptance.
        return r < lateShare + nearShare && item.caseType() != CaseType.IMMEDIATE ? Timing.NEAR : Timing.ON_TIME;
    }

    /**
     * 补正: on a backdated case, requested the working day after acceptance and received {@code stopDays} working
     * days later, all before today (the clocks stood still for those days); on a case accepted today, while it runs.
     */
    private void correction(List<SimulatedStep> steps, Channel channel, LocalDate acceptanceDay, int stopDays) {
        String reason = pick(CORRECTIONS);
        if (stopDays > 0) {
            LocalDate requested = calendar.addWorkingDays(acceptanceDay, 1);
            steps.add(SimulatedStep.at(CORRECTION_REQUESTED, channel, during(requested)).because(reason));
            steps.add(SimulatedStep.at(CORRECTION_RECEIVED, channel,
                    during(calendar.addWorkingDays(requested, stopDays))));
        } else {
            steps.add(SimulatedStep.live(CORRECTION_REQUESTED, channel).because(reason));
            steps.add(SimulatedStep.live(CORRECTION_RECEIVED, channel));
        }
    }

    private void decision(List<SimulatedStep> steps, ApprovalItem item, Ending ending, Channel channel) {
        if (ending == Ending.REFUSED_WITHOUT_REASON) {
            steps.add(SimulatedStep.live(DECIDED, channel).deciding(ApprovalDecision.REFUSED));
        } else if (random.nextDouble() < 0.1) {
            steps.add(SimulatedStep.live(DECIDED, channel).deciding(ApprovalDecision.REFUSED).because(pick(REFUSALS)));
        } else if (item.caseType() != CaseType.IMMEDIATE) {
            steps.add(SimulatedStep.live(DECIDED, channel).deciding(ApprovalDecision.APPROVED));
        }
        // An approved 即办件 is decided and completed in one step on the spot.
    }

    /** An instant in office hours (09:00 to 16:59 in the calendar's zone) of a day. */
    private Instant during(LocalDate day) {
        return day.atTime(OFFICE_OPENS).plusMinutes(random.nextInt(8 * 60)).atZone(calendar.zone()).toInstant();
    }

    /** The working day {@code n} working days before {@code day} ({@code day} itself for 0). */
    private LocalDate workingDaysBefore(LocalDate day, int n) {
        LocalDate d = day;
        for (int counted = 0; counted < n; ) {
            d = d.minusDays(1);
            if (calendar.isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }

    private LocalDate firstWorkingDayFrom(LocalDate day) {
        LocalDate d = day;
        while (!calendar.isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
