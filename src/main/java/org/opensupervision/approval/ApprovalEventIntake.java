package org.opensupervision.approval;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.opensupervision.approval.ApprovalClockPolicy.Threshold;
import org.opensupervision.approval.EventBatchResult.Rejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a batch of events from a department's system: each event is validated, checked against its sender's
 * department and its case's lifecycle, and kept or refused on its own; the batch's cases are locked, advanced and
 * written in one transaction, with the cards their events prove. An event that arrives late (before the case's last
 * event) is placed by its own time: the case is replayed from all its events and its clocks recomputed.
 */
@Service
public class ApprovalEventIntake {

    private static final Logger log = LoggerFactory.getLogger(ApprovalEventIntake.class);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final Pattern CASE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,39}");
    private static final int MAX_REASON = 500;
    private static final int ATTEMPTS = 3;

    private final ApprovalCatalogue catalogue;
    private final ApprovalCaseStore store;
    private final ApprovalCards cards;
    private final ApprovalClockPolicy clocks;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ApprovalEventIntake(ApprovalCatalogue catalogue, ApprovalCaseStore store, ApprovalCards cards,
                        ApprovalClockPolicy clocks, TransactionTemplate transaction, Clock clock) {
        this.catalogue = catalogue;
        this.store = store;
        this.cards = cards;
        this.clocks = clocks;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Keeps what can be kept of a batch.
     *
     * @param senderDepartment the department of the machine client that sent it; events of any other are refused
     * @param events           at most {@code supervision.approval.max-batch-size} (the caller checks)
     */
    public EventBatchResult receive(String senderDepartment, List<ApprovalEventInput> events) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> receiveOnce(senderDepartment, events));
            } catch (DuplicateKeyException | PessimisticLockingFailureException e) {
                // Another batch created the same case, or the watch held a case: the batch is taken again whole.
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.info("Event batch of {} retried after a concurrent change ({})", senderDepartment, e.getClass()
                        .getSimpleName());
            }
        }
    }

    private EventBatchResult receiveOnce(String senderDepartment, List<ApprovalEventInput> inputs) {
        Instant now = clock.instant();
        List<Rejected> rejected = new ArrayList<>();
        Map<Integer, ReportedEvent> valid = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            ApprovalEventInput input = inputs.get(i);
            String problem = invalid(input, now);
            if (problem != null) {
                rejected.add(new Rejected(i, input == null ? null : input.eventId(), "INVALID", problem));
            } else if (!input.departmentCode().equals(senderDepartment)) {
                rejected.add(new Rejected(i, input.eventId(), "WRONG_DEPARTMENT",
                        "只能报送本部门的办件 / Only events of the sender's own department (" + senderDepartment
                                + ") are accepted"));
            } else {
                valid.put(i, event(input, i));
            }
        }
        Set<String> known = store.knownEventIds(valid.values().stream().map(ReportedEvent::eventId).toList());
        int duplicates = 0;
        Set<String> seen = new HashSet<>();
        Map<String, List<Integer>> byCase = new LinkedHashMap<>();
        for (Map.Entry<Integer, ReportedEvent> entry : valid.entrySet()) {
            ReportedEvent e = entry.getValue();
            if (known.contains(e.eventId()) || !seen.add(e.eventId())) {
                duplicates++;
            } else {
                byCase.computeIfAbsent(e.caseId(), k -> new ArrayList<>()).add(entry.getKey());
            }
        }
        Map<String, StoredCase> cases = store.lock(byCase.keySet());
        Map<StoredCase, CaseStatus> openBefore = new HashMap<>();
        for (StoredCase c : cases.values()) {
            if (c.progress.isOpen()) {
                openBefore.put(c, c.progress.status());
            }
        }
        List<StoredCase> created = new ArrayList<>();
        List<StoredCase> changed = new ArrayList<>();
        List<ReportedEvent> kept = new ArrayList<>();
        Map<StoredCase, Set<CardCause>> proven = new HashMap<>();
        Map<StoredCase, Set<CardCause>> disproven = new HashMap<>();
        for (Map.Entry<String, List<Integer>> entry : byCase.entrySet()) {
            List<ReportedEvent> arrived = entry.getValue().stream().map(valid::get).sorted(ReportedEvent.ORDER).toList();
            StoredCase existing = cases.get(entry.getKey());
            ReportedEvent first = arrived.get(0);
            if (existing != null && !existing.departmentCode.equals(senderDepartment)) {
                arrived.forEach(e -> rejected.add(new Rejected((int) e.arrival(), e.eventId(), "WRONG_DEPARTMENT",
                        "办件属于其他部门 / The case belongs to another department")));
                continue;
            }
            ApprovalItem item = existing != null ? existing.progress.item()
                    : catalogue.latest(first.itemCode()).orElse(null);
            List<ReportedEvent> usable = new ArrayList<>();
            for (ReportedEvent e : arrived) {
                String problem = itemProblem(e, item, senderDepartment);
                if (problem != null) {
                    rejected.add(new Rejected((int) e.arrival(), e.eventId(),
                            problem.startsWith("WRONG") ? "WRONG_DEPARTMENT" : "UNKNOWN_ITEM", problem.substring(
                                    problem.indexOf(':') + 1)));
                } else {
                    usable.add(e);
                }
            }
            if (usable.isEmpty()) {
                continue;
            }
            StoredCase c = existing != null ? existing
                    : new StoredCase(null, entry.getKey(), senderDepartment, new CaseProgress(item, clocks),
                    EnumSet.noneOf(CardCause.class));
            Set<CardCause> before = EnumSet.copyOf(c.progress.provenCauses);
            List<ReportedEvent> accepted = existing != null && c.progress.lastEventAt != null
                    && usable.get(0).occurredAt().isBefore(c.progress.lastEventAt)
                    ? replay(c, usable, rejected)
                    : advance(c.progress, usable, rejected);
            if (accepted.isEmpty()) {
                continue;
            }
            if (existing != null) {
                Set<CardCause> wrong = disproven(c, now);
                if (!wrong.isEmpty()) {
                    disproven.put(c, wrong);
                }
            }
            kept.addAll(accepted);
            Set<CardCause> causes = EnumSet.noneOf(CardCause.class);
            causes.addAll(c.progress.provenCauses);
            causes.removeAll(before);
            proven.put(c, causes);
            (existing == null ? created : changed).add(c);
            cases.put(c.caseId, c);
        }
        store.insert(created, now);
        for (Map.Entry<StoredCase, Set<CardCause>> entry : disproven.entrySet()) {
            cards.withdrawRecomputed(entry.getKey(), entry.getValue(), now);
        }
        for (Map.Entry<StoredCase, Set<CardCause>> entry : proven.entrySet()) {
            StoredCase c = entry.getKey();
            Set<CardCause> due = entry.getValue();
            for (Threshold t : clocks.thresholds(c.progress, now)) {
                if (!t.at().isAfter(now)) {
                    due.add(t.cause());
                }
            }
            cards.raise(c, due, now);
        }
        store.update(changed, now);
        if (!created.isEmpty()) {
            // Cards raised on a new case changed its raised causes after the insert.
            store.update(created.stream().filter(c -> !c.raised.isEmpty()).toList(), now);
        }
        store.insertEvents(kept, cases, now);
        store.addToOpenCounts(openCountChanges(created, changed, openBefore));
        rejected.sort(java.util.Comparator.comparingInt(Rejected::index));
        if (!rejected.isEmpty()) {
            log.info("Event batch of {}: {} kept, {} duplicate(s), {} refused (first: #{} {} {})", senderDepartment,
                    kept.size(), duplicates, rejected.size(), rejected.get(0).index(), rejected.get(0).code(),
                    rejected.get(0).message());
        }
        return new EventBatchResult(kept.size(), duplicates, List.copyOf(rejected));
    }

    /**
     * How the batch changed the open cases by department and stage (for the live view's counts): minus one for the
     * stage a changed case left, plus one for the stage a new or changed case is now at, if open.
     */
    private static Map<String, Map<CaseStatus, Long>> openCountChanges(List<StoredCase> created,
                                                                       List<StoredCase> changed,
                                                                       Map<StoredCase, CaseStatus> openBefore) {
        Map<String, Map<CaseStatus, Long>> changes = new java.util.TreeMap<>();
        for (List<StoredCase> list : List.of(created, changed)) {
            for (StoredCase c : list) {
                Map<CaseStatus, Long> department = changes.computeIfAbsent(c.departmentCode,
                        k -> new java.util.EnumMap<>(CaseStatus.class));
                CaseStatus before = openBefore.get(c);
                if (before != null) {
                    department.merge(before, -1L, Long::sum);
                }
                if (c.progress.isOpen()) {
                    department.merge(c.progress.status(), 1L, Long::sum);
                }
            }
        }
        return changes;
    }

    /** Applies events that follow the case's last one; an impossible one is refused and the rest go on. */
    private static List<ReportedEvent> advance(CaseProgress progress, List<ReportedEvent> events,
                                               List<Rejected> rejected) {
        List<ReportedEvent> accepted = new ArrayList<>();
        for (ReportedEvent e : events) {
            try {
                progress.apply(e);
                accepted.add(e);
            } catch (ImpossibleTransition impossible) {
                rejected.add(new Rejected((int) e.arrival(), e.eventId(), "IMPOSSIBLE_TRANSITION",
                        impossible.getMessage()));
            }
        }
        return accepted;
    }

    /**
     * Places late events among the kept ones by their own time: each is accepted only if the whole history, replayed
     * with it, stays possible. The case's state becomes the replay's.
     */
    private List<ReportedEvent> replay(StoredCase c, List<ReportedEvent> arrived, List<Rejected> rejected) {
        List<ReportedEvent> history = new ArrayList<>(store.events(c));
        List<ReportedEvent> accepted = new ArrayList<>();
        for (ReportedEvent e : arrived) {
            List<ReportedEvent> attempt = new ArrayList<>(history);
            attempt.add(e);
            try {
                replayed(c.progress.item(), attempt);
                history.add(e);
                accepted.add(e);
            } catch (ImpossibleTransition impossible) {
                rejected.add(new Rejected((int) e.arrival(), e.eventId(), "IMPOSSIBLE_TRANSITION",
                        "按发生时间排序后不可能 / Impossible once placed by its time: " + impossible.getMessage()));
            }
        }
        if (accepted.isEmpty()) {
            return accepted;
        }
        CaseProgress fresh;
        try {
            fresh = replayed(c.progress.item(), history);
        } catch (ImpossibleTransition cannotHappen) {
            throw new IllegalStateException("A replay that passed failed again", cannotHappen);
        }
        copy(fresh, c.progress);
        // The proven causes of the replay are compared with the ones before it by the caller: start from none.
        c.progress.provenCauses.removeAll(c.raised);
        return accepted;
    }

    /**
     * The clock cards of a case that its events, as they stand now, no longer justify: a stop reported after the watch
     * carded the case moved the limit past the time the case was decided, or past now.
     */
    private Set<CardCause> disproven(StoredCase c, Instant now) {
        Set<CardCause> wrong = EnumSet.noneOf(CardCause.class);
        Instant clockEnd = c.progress.decidedAt != null ? c.progress.decidedAt : now;
        Map<CardCause, Instant> instants = clocks.recomputed(c.progress, now);
        for (CardCause raised : c.raised) {
            if (!instants.containsKey(raised) || c.progress.provenCauses.contains(raised)) {
                continue;
            }
            if (instants.get(raised).isAfter(clockEnd)) {
                wrong.add(raised);
            }
        }
        return wrong;
    }

    private CaseProgress replayed(ApprovalItem item, List<ReportedEvent> events) throws ImpossibleTransition {
        CaseProgress progress = new CaseProgress(item, clocks);
        List<ReportedEvent> ordered = new ArrayList<>(events);
        ordered.sort(ReportedEvent.ORDER);
        for (ReportedEvent e : ordered) {
            progress.apply(e);
        }
        return progress;
    }

    private static void copy(CaseProgress from, CaseProgress to) {
        to.stage = from.stage;
        to.submittedAt = from.submittedAt;
        to.submittedChannel = from.submittedChannel;
        to.acceptedAt = from.acceptedAt;
        to.decidedAt = from.decidedAt;
        to.decision = from.decision;
        to.completedAt = from.completedAt;
        to.completedChannel = from.completedChannel;
        to.closedAt = from.closedAt;
        to.stoppedWorkingDays = from.stoppedWorkingDays;
        to.stopSince = from.stopSince;
        to.openStops.clear();
        to.openStops.addAll(from.openStops);
        to.lastEventAt = from.lastEventAt;
        to.provenCauses.clear();
        to.provenCauses.addAll(from.provenCauses);
    }

    private static String itemProblem(ReportedEvent e, ApprovalItem item, String senderDepartment) {
        if (item == null) {
            return "UNKNOWN:事项目录中没有此事项 / The catalogue has no item " + e.itemCode();
        }
        if (!item.itemCode().equals(e.itemCode())) {
            return "UNKNOWN:办件的事项为 " + item.itemCode() + " / The case is of item " + item.itemCode();
        }
        if (!item.departmentCode().equals(senderDepartment)) {
            return "WRONG:事项属于其他部门 / The item belongs to another department";
        }
        return null;
    }

    private static ReportedEvent event(ApprovalEventInput in, int index) {
        return new ReportedEvent(in.eventId(), in.caseId(), in.itemCode(), in.departmentCode(),
                ApprovalEventType.valueOf(in.type()), OffsetDateTime.parse(in.occurredAt()).toInstant(),
                Channel.valueOf(in.channel()), blankToNull(in.reason()),
                in.procedure() == null ? null : SpecialProcedure.valueOf(in.procedure()),
                in.decision() == null ? null : ApprovalDecision.valueOf(in.decision()), index);
    }

    /** Why an event cannot be read, or null. */
    static String invalid(ApprovalEventInput in, Instant now) {
        if (in == null) {
            return "事件为空 / The event is null";
        }
        List<String> problems = new ArrayList<>();
        if (in.eventId() == null || !ID.matcher(in.eventId()).matches()) {
            problems.add("eventId: 1-64位字母、数字或 . _ : - / 1-64 letters, digits or . _ : -");
        }
        if (in.caseId() == null || !CASE_ID.matcher(in.caseId()).matches()) {
            problems.add("caseId: 1-40位字母、数字或横线 / 1-40 letters, digits or '-'");
        }
        if (in.itemCode() == null || in.itemCode().isBlank()) {
            problems.add("itemCode: 必填 / required");
        }
        if (in.departmentCode() == null || in.departmentCode().isBlank()) {
            problems.add("departmentCode: 必填 / required");
        }
        ApprovalEventType type = parse(ApprovalEventType.class, in.type());
        if (type == null) {
            problems.add("type: 未知事件类型 / unknown event type " + in.type());
        }
        Instant occurredAt = null;
        try {
            occurredAt = in.occurredAt() == null ? null : OffsetDateTime.parse(in.occurredAt()).toInstant();
        } catch (DateTimeParseException e) {
            occurredAt = null;
        }
        if (occurredAt == null) {
            problems.add("occurredAt: 须为带时区偏移的 ISO-8601 时间 / an ISO-8601 time with offset");
        } else if (occurredAt.isAfter(now.plusSeconds(300))) {
            problems.add("occurredAt: 不能晚于当前时间 / must not be in the future");
        } else if (occurredAt.isBefore(Instant.parse("2000-01-01T00:00:00Z"))) {
            problems.add("occurredAt: 不能早于2000年 / must not be before 2000");
        }
        if (parse(Channel.class, in.channel()) == null) {
            problems.add("channel: 须为 ONLINE 或 COUNTER / ONLINE or COUNTER");
        }
        if (in.reason() != null && (in.reason().length() > MAX_REASON
                || in.reason().chars().anyMatch(ch -> Character.isISOControl(ch) && ch != '\n' && ch != '\t'))) {
            problems.add("reason: 至多500个字符，不含控制字符 / at most 500 characters, no control characters");
        }
        if (type == ApprovalEventType.REFUSED_AT_INTAKE || type == ApprovalEventType.CORRECTION_REQUESTED) {
            if (in.reason() == null || in.reason().isBlank()) {
                problems.add("reason: " + type + " 须说明理由 / a reason is required");
            }
        }
        boolean special = type == ApprovalEventType.SPECIAL_PROCEDURE_STARTED
                || type == ApprovalEventType.SPECIAL_PROCEDURE_ENDED;
        if (special && parse(SpecialProcedure.class, in.procedure()) == null) {
            problems.add("procedure: 须为 HEARING、EXPERT_REVIEW、TESTING 或 PUBLIC_NOTICE / required for " + type);
        } else if (!special && in.procedure() != null) {
            problems.add("procedure: 仅用于特别程序事件 / only for special-procedure events");
        }
        if (type == ApprovalEventType.DECIDED && parse(ApprovalDecision.class, in.decision()) == null) {
            problems.add("decision: 须为 APPROVED 或 REFUSED / APPROVED or REFUSED");
        } else if (type != ApprovalEventType.DECIDED && in.decision() != null) {
            problems.add("decision: 仅用于 DECIDED / only for DECIDED");
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
