package org.opensupervision.rules;

import java.util.Comparator;
import java.util.List;

/**
 * What the three levels decided together: the strictest matching rule (action first, then severity; on a tie the
 * discipline rule, then the department's, then the common one) decides; every match is kept for the record.
 */
public record RuleVerdict(RuleFacts facts, List<MatchedRule> matched, List<String> evaluatedTables) {

    static final Comparator<MatchedRule> STRICTNESS = Comparator.comparing(MatchedRule::action)
            .thenComparingInt(MatchedRule::severity)
            .thenComparing(m -> switch (m.level()) {
                case COMMON -> 0;
                case DEPARTMENT -> 1;
                case DISCIPLINE -> 2;
            });

    /** The deciding rule, or null when no rule matched. */
    public MatchedRule decidedBy() {
        return matched.stream().max(STRICTNESS).orElse(null);
    }

    public RuleAction action() {
        MatchedRule rule = decidedBy();
        return rule == null ? RuleAction.NONE : rule.action();
    }

    public int severity() {
        MatchedRule rule = decidedBy();
        return rule == null ? 0 : rule.severity();
    }

    public String reason() {
        MatchedRule rule = decidedBy();
        return rule == null ? "" : rule.reason();
    }
}
