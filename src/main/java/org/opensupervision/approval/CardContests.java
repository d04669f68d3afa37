package org.opensupervision.approval;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.opensupervision.audit.AuditRecord;
import org.opensupervision.audit.AuditTrail;
import org.opensupervision.calendar.DeadlineDisplay;
import org.opensupervision.calendar.WorkingDayCalendar;
import org.opensupervision.department.Department;
import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.notification.Notice;
import org.opensupervision.notification.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A department contests a card once, with a reason; the supervision office upholds or withdraws it in the
 * {@code approval-card-contest} model's task, within {@code contest-review-working-days}.
 */
@Service
public class CardContests {

    private static final Logger log = LoggerFactory.getLogger(CardContests.class);
    private static final int MAX_REASON = 2000;

    private final JdbcTemplate jdbc;
    private final ApprovalCards cards;
    private final ApprovalCases cases;
    private final RuntimeService runtime;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final DepartmentDirectory departments;
    private final WorkingDayCalendar calendar;
    private final DeadlineDisplay display;
    private final ApprovalProperties properties;
    private final Clock clock;

    CardContests(JdbcTemplate jdbc, ApprovalCards cards, ApprovalCases cases, RuntimeService runtime, AuditTrail audit,
                 Notifications notifications, DepartmentDirectory departments, WorkingDayCalendar calendar,
                 DeadlineDisplay display, ApprovalProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.cards = cards;
        this.cases = cases;
        this.runtime = runtime;
        this.audit = audit;
        this.notifications = notifications;
        this.departments = departments;
        this.calendar = calendar;
        this.display = display;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Contests a card of a case on behalf of its department and opens the office's review.
     *
     * @param handler the contesting handler (the caller checked they handle the case's department)
     * @throws CardContestRejected when the card is not the case's, is contested or decided already, or no reason
     */
    @Transactional
    public ApprovalCard contest(String caseId, long cardId, String reason, String handler) {
        ApprovalCard card = cards.find(cardId).filter(c -> c.caseId().equals(caseId))
                .orElseThrow(() -> new CardContestRejected(CardContestRejected.Reason.NOT_FOUND, "No such card"));
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON
                || reason.chars().anyMatch(ch -> Character.isISOControl(ch) && ch != '\n' && ch != '\t')) {
            throw new CardContestRejected(CardContestRejected.Reason.REASON_REQUIRED,
                    "申诉须写明理由（至多2000字）/ A contest needs a reason of at most 2,000 characters");
        }
        Instant now = clock.instant();
        int changed = jdbc.update("update approval_card set status = ?, contest_reason = ?, contested_by = ?,"
                        + " contested_at = ? where id = ? and status = ?", CardStatus.CONTESTED.name(), reason.strip(),
                handler, Timestamp.from(now), cardId, CardStatus.ACTIVE.name());
        if (changed == 0) {
            throw new CardContestRejected(CardContestRejected.Reason.ALREADY_CONTESTED,
                    "每张牌只能申诉一次 / A card may be contested once");
        }
        String key = StoredCase.caseKey(caseId);
        audit.append(AuditRecord.staffAction(key, "APPROVAL_CARD_CONTESTED", handler, CardStatus.ACTIVE.name(),
                CardStatus.CONTESTED.name(), reason.strip()));
        Department department = departments.get(card.departmentCode());
        Instant due = calendar.addWorkingDays(now, properties.contestReviewWorkingDays());
        Map<String, Object> variables = new HashMap<>();
        variables.put(CardContest.Var.CARD_ID, cardId);
        variables.put(CardContest.Var.CASE_ID, caseId);
        variables.put(CardContest.Var.DEPARTMENT_CODE, department.code());
        variables.put(CardContest.Var.DEPARTMENT_NAME, department.nameZh());
        variables.put(CardContest.Var.CARD, (card.colour() == CardColour.RED ? "红牌" : "黄牌")
                + "：" + card.cause().labelZh() + "（" + display.format(card.raisedAt()) + "）");
        variables.put(CardContest.Var.CONTEST_REASON, reason.strip());
        variables.put(CardContest.Var.CONTESTED_BY, handler);
        variables.put(CardContest.Var.DUE_AT, Date.from(due));
        variables.put(CardContest.Var.CASE_SUMMARY, summary(caseId));
        runtime.startProcessInstanceByKey(CardContest.KEY, key, variables);
        log.info("Card {} of approval case {} contested by {}; review due {}", cardId, caseId, handler, due);
        return cards.find(cardId).orElseThrow();
    }

    /** Records the office's decision on a contested card and tells the department. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void decide(long cardId, CardContest.Decision decision, String reason, String officer) {
        CardStatus outcome = decision == CardContest.Decision.UPHOLD ? CardStatus.UPHELD : CardStatus.WITHDRAWN;
        Instant now = clock.instant();
        int changed = jdbc.update("update approval_card set status = ?, decided_by = ?, decided_at = ?,"
                        + " decision_reason = ? where id = ? and status = ?", outcome.name(), officer,
                Timestamp.from(now), reason, cardId, CardStatus.CONTESTED.name());
        if (changed == 0) {
            throw new IllegalStateException("Card " + cardId + " is not contested");
        }
        ApprovalCard card = cards.find(cardId).orElseThrow();
        audit.append(AuditRecord.staffAction(StoredCase.caseKey(card.caseId()), "APPROVAL_CARD_CONTEST_DECIDED",
                officer, CardStatus.CONTESTED.name(), outcome.name(), reason));
        Department department = departments.get(card.departmentCode());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("caseId", card.caseId());
        model.put("department", department);
        model.put("colourZh", card.colour() == CardColour.RED ? "红牌" : "黄牌");
        model.put("colourEn", card.colour() == CardColour.RED ? "red" : "yellow");
        model.put("reason", card.cause().labelZh());
        model.put("outcomeZh", outcome == CardStatus.UPHELD ? "维持" : "撤销");
        model.put("outcomeEn", outcome == CardStatus.UPHELD ? "upheld" : "withdrawn");
        model.put("decisionReason", reason);
        notifications.send(Notice.APPROVAL_CARD_CONTEST_DECIDED, StoredCase.caseKey(card.caseId()),
                List.of(department.notificationAddress()), List.of(), model);
        log.info("Contest of card {} on approval case {} decided by {}: {}", cardId, card.caseId(), officer, outcome);
    }

    /** The case as the reviewer's form shows it: stage, limits, stops, cards and events, one line each. */
    String summary(String caseId) {
        ApprovalCaseView c = cases.find(caseId).orElseThrow();
        StringBuilder text = new StringBuilder();
        text.append("事项 / Item: ").append(c.itemCode()).append(' ').append(c.itemName()).append(" (v")
                .append(c.itemVersion()).append(")\n");
        text.append("状态 / Status: ").append(c.status()).append("; 承诺时限 / Promised: ")
                .append(c.promisedDueAt() == null ? "—" : display.format(c.promisedDueAt()))
                .append("; 法定时限 / Statutory: ")
                .append(c.statutoryDueAt() == null ? "—" : display.format(c.statutoryDueAt()))
                .append("; 暂停 / Stopped: ").append(c.stoppedWorkingDays()).append(" wd\n");
        text.append(c.events().stream().map(e -> display.format(e.occurredAt()) + "  " + e.type() + " " + e.channel()
                + (e.reason() == null ? "" : " — " + e.reason())).collect(Collectors.joining("\n")));
        return text.toString();
    }
}
