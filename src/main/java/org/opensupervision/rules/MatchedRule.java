package org.opensupervision.rules;

/** One rule that matched: which version of which table, which rule, and what it decided. */
public record MatchedRule(RuleLevel level, String decisionKey, String decisionDefinitionId, int version, String ruleId,
                          RuleAction action, int severity, String reason) {

    /** How this rule is cited in records and mails: {@code key v<version> <ruleId>}. */
    public String citation() {
        return decisionKey + " v" + version + " " + ruleId;
    }
}
