package org.opensupervision.approval;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.opensupervision.audit.AuditRecord;
import org.opensupervision.audit.AuditSource;
import org.opensupervision.audit.AuditTrail;
import org.opensupervision.calendar.DeadlineDisplay;
import org.opensupervision.department.Department;
import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.notification.Notice;
import org.opensupervision.notification.Notifications;
import org.opensupervision.rules.RuleTrigger;
import org.opensupervision.rules.SupervisionRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Yellow and red cards: raised once per case and cause, in the transaction of the event or watch that found the
 * cause; each one is kept, mailed to the department, written to the case's audit trail and handed to the three levels
 * of supervision rules (trigger {@code RED_CARD} or {@code YELLOW_CARD}).
 */
@Service
public class ApprovalCards {

    private static final Logger log = LoggerFactory.getLogger(ApprovalCards.class);
    static final String COLUMNS = "id, case_id, department_code, colour, cause, reason, raised_at, status,"
            + " contest_reason, contested_by, contested_at, decided_by, decided_at, decision_reason";

    private final JdbcTemplate jdbc;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final SupervisionRules rules;
    private final DepartmentDirectory departments;
    private final DeadlineDisplay display;
    private final ApprovalClockPolicy clocks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApprovalCards(JdbcTemplate jdbc, Notifications notifications, AuditTrail audit, SupervisionRules rules,
                  DepartmentDirectory departments, DeadlineDisplay display, ApprovalClockPolicy clocks,
                  ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.audit = audit;
        this.rules = rules;
        this.departments = departments;
        this.display = display;
        this.clocks = clocks;
        this.events = events;
        this.clock = clock;
    }

    /** Raises a card for each cause the case has not been carded for yet, and marks them raised on the case. */
    @Transactional(propagation = Propagation.MANDATORY)
    void raise(StoredCase c, Set<CardCause> causes, Instant now) {
        for (CardCause cause : causes) {
            if (!c.raised.add(cause)) {
                continue;
            }
            String reason = cause.label();
            jdbc.update("insert into approval_card (case_ref, case_id, department_code, colour, cause, reason,"
                            + " raised_at, status) values (?, ?, ?, ?, ?, ?, ?, ?)", c.id, c.caseId,
                    c.departmentCode, cause.colour().name(), cause.name(), reason, Timestamp.from(now),
                    CardStatus.ACTIVE.name());
            String key = StoredCase.caseKey(c.caseId);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("colour", cause.colour().name());
            detail.put("cause", cause.name());
            detail.put("departmentCode", c.departmentCode);
            detail.put("itemCode", c.progress.item().itemCode());
            detail.put("itemVersion", c.progress.item().version());
            audit.append(new AuditRecord(key, "APPROVAL_CARD_RAISED", AuditSource.ENGINE, null, null, cause.name(),
                    detail, null));
            mail(c, cause, now);
            rules.requestCheck(key, c.departmentCode, cause.name(),
                    cause.colour() == CardColour.RED ? RuleTrigger.RED_CARD : RuleTrigger.YELLOW_CARD,
                    "/staff/approval-cases/" + c.caseId);
            events.publishEvent(new ApprovalCardRaised(c.caseId, c.departmentCode, cause.colour(), cause, now));
            log.info("{} card on approval case {} of {}: {}", cause.colour(), c.caseId, c.departmentCode, cause);
        }
    }

    /**
     * Withdraws the clock cards a late event proved wrong (the limit had not passed after all), so that the case
     * may be carded again should the recomputed limit pass.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void withdrawRecomputed(StoredCase c, Set<CardCause> causes, Instant now) {
        for (CardCause cause : causes) {
            int changed = jdbc.update("update approval_card set status = ?, decided_at = ?, decision_reason = ?"
                            + " where case_ref = ? and cause = ? and status in (?, ?)", CardStatus.WITHDRAWN.name(),
                    Timestamp.from(now), "时限按补报事件重算 / Recomputed after a late event", c.id, cause.name(),
                    CardStatus.ACTIVE.name(), CardStatus.CONTESTED.name());
            c.raised.remove(cause);
            if (changed > 0) {
                audit.append(new AuditRecord(StoredCase.caseKey(c.caseId), "APPROVAL_CARD_RECOMPUTED",
                        AuditSource.ENGINE, null, null, cause.name(), Map.of("cause", cause.name()),
                        "时限按补报事件重算 / Recomputed after a late event"));
            }
        }
    }

    /** The cards of a case, oldest first. */
    public List<ApprovalCard> cardsOf(String caseId) {
        return jdbc.query("select " + COLUMNS + " from approval_card where case_id = ? order by raised_at, id",
                (rs, n) -> card(rs), caseId);
    }

    /** One card. */
    public java.util.Optional<ApprovalCard> find(long cardId) {
        return jdbc.query("select " + COLUMNS + " from approval_card where id = ?", (rs, n) -> card(rs), cardId)
                .stream().findFirst();
    }

    static ApprovalCard card(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ApprovalCard(rs.getLong("id"), rs.getString("case_id"), rs.getString("department_code"),
                CardColour.valueOf(rs.getString("colour")), CardCause.valueOf(rs.getString("cause")),
                rs.getString("reason"), ApprovalCaseStore.instant(rs, "raised_at"),
                CardStatus.valueOf(rs.getString("status")), rs.getString("contest_reason"),
                rs.getString("contested_by"), ApprovalCaseStore.instant(rs, "contested_at"),
                rs.getString("decided_by"), ApprovalCaseStore.instant(rs, "decided_at"),
                rs.getString("decision_reason"));
    }

    private void mail(StoredCase c, CardCause cause, Instant now) {
        Department department = departments.get(c.departmentCode);
        ApprovalClockPolicy.Dues dues = clocks.dues(c.progress, now);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("caseId", c.caseId);
        model.put("department", department);
        model.put("itemCode", c.progress.item().itemCode());
        model.put("itemName", c.progress.item().name());
        model.put("colourZh", cause.colour() == CardColour.RED ? "红牌" : "黄牌");
        model.put("colourEn", cause.colour() == CardColour.RED ? "red" : "yellow");
        model.put("reason", cause.labelZh());
        model.put("raisedAt", display.format(now));
        model.put("promisedDue", dues.promised() == null ? "—" : display.format(dues.promised()));
        model.put("statutoryDue", dues.statutory() == null ? "—" : display.format(dues.statutory()));
        model.put("stoppedWorkingDays", c.progress.stoppedWorkingDays + c.progress.openStopCredit(now));
        notifications.send(Notice.APPROVAL_CARD, StoredCase.caseKey(c.caseId),
                List.of(department.notificationAddress()), List.of(), model);
    }

    Instant now() {
        return clock.instant();
    }
}
