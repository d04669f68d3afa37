package org.opensupervision.rules;

import java.util.Locale;

/** The three levels of supervision rules of the seed (四.(一)), each a DMN table deployed by the engine. */
public enum RuleLevel {
    /** A department's self-supervision rules: decision key {@code supervision-rules-dept-<code in lower case>}. */
    DEPARTMENT("supervision-rules-dept-"),
    /** The supervision office's common rules, for every department. */
    COMMON("supervision-rules-common"),
    /** The discipline inspectors' accountability rules, for every department. */
    DISCIPLINE("supervision-rules-discipline");

    /** What the decision key of every level's table starts with. */
    static final String KEY_PREFIX = "supervision-rules-";

    private final String key;

    RuleLevel(String key) {
        this.key = key;
    }

    /** The decision key of this level's table for the department. */
    public String decisionKey(String departmentCode) {
        return this == DEPARTMENT ? key + departmentCode.toLowerCase(Locale.ROOT) : key;
    }
}
