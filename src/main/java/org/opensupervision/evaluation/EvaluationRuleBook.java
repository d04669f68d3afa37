package org.opensupervision.evaluation;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opensupervision.audit.AuditRecord;
import org.opensupervision.audit.AuditTrail;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The versions of the scoring rules. Version 1 is {@link EvaluationRules#defaults()}, written on first use; the
 * evaluation office adds a version with a reason, validated field by field and recorded in the audit trail (case
 * {@value #AUDIT_KEY}); a version is never changed. Computations take the latest version and record its number.
 */
@Service
@Transactional
public class EvaluationRuleBook {

    /** The audit-trail case of the rule changes. */
    public static final String AUDIT_KEY = "EVAL-RULES";

    private final EvaluationStore store;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate separately;

    EvaluationRuleBook(EvaluationStore store, AuditTrail audit, Clock clock, PlatformTransactionManager transactions) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The rules in force: the latest version. */
    public EvaluationRules current() {
        return store.latestRules().orElseGet(this::seed);
    }

    /** The rules of one version, if it exists. */
    @Transactional(readOnly = true)
    public java.util.Optional<EvaluationRules> version(int version) {
        return store.rules(version);
    }

    /**
     * Adds a version of the rules; the next computation uses it. Refused, field by field, when the proposal is not
     * valid or no reason is given.
     */
    public EvaluationRules change(EvaluationRules proposal, String actor, String reason) {
        List<Map<String, String>> problems = new java.util.ArrayList<>(proposal.problems());
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("field", "reason");
            p.put("code", "required");
            p.put("message", "须写明修改理由（至多2000字）/ A reason of at most 2,000 characters is required");
            problems.add(p);
        }
        if (!problems.isEmpty()) {
            throw new EvaluationRejected(EvaluationRejected.Reason.INVALID, problems);
        }
        EvaluationRules before = current();
        EvaluationRules next = proposal.withVersion(before.version() + 1);
        store.insertRules(next, actor, reason.strip(), clock.instant());
        audit.append(AuditRecord.staffAction(AUDIT_KEY, "EVALUATION_RULES_CHANGED", actor,
                Map.of("version", before.version(), "rules", before), Map.of("version", next.version(), "rules", next),
                reason.strip()));
        return next;
    }

    /**
     * Writes version 1 in a transaction of its own, so that two nodes seeding at once cost the loser only its insert
     * (PostgreSQL aborts a transaction at a unique violation), then reads what is there.
     */
    private EvaluationRules seed() {
        try {
            separately.executeWithoutResult(status -> store.insertRules(EvaluationRules.defaults().withVersion(1), null,
                    "默认规则 / Default rules", clock.instant()));
        } catch (DuplicateKeyException seededMeanwhile) {
            // The other node's version 1 is the same defaults.
        }
        return store.latestRules().orElseThrow();
    }
}
