package org.opensupervision.evaluation;

/** The six dimensions of the evaluation (seed 四(五)), in the seed's order. */
public enum Dimension {
    STANDARDISED_CATALOGUE("标准化编制", "Standardised catalogue"),
    STANDARDISED_USE("标准化应用", "Standardised use"),
    ONLINE_CAPABILITY("网上办理能力", "Online handling capability"),
    FULL_ONLINE_COMPLETION("全流程办结", "Full online completion"),
    COMPLAINT_HANDLING("投诉举报办理", "Complaint handling"),
    SERVICE_SATISFACTION("服务满意度", "Service satisfaction");

    private final String labelZh;
    private final String labelEn;

    Dimension(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    public String label(boolean english) {
        return english ? labelEn : labelZh;
    }
}
