package org.opensupervision.evaluation;

/** The grade bands of a score (thresholds in the rules). */
public enum Grade {
    EXCELLENT("优秀", "Excellent"),
    GOOD("良好", "Good"),
    PASS("合格", "Pass"),
    FAIL("不合格", "Fail");

    private final String labelZh;
    private final String labelEn;

    Grade(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    public String label(boolean english) {
        return english ? labelEn : labelZh;
    }
}
