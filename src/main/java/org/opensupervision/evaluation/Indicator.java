package org.opensupervision.evaluation;

/**
 * The indicators of the evaluation: each a named formula over a period's counts, in one of the six dimensions. The
 * formula texts are shown on the department page next to the counts.
 */
public enum Indicator {
    CATALOGUE_STANDARDISED(Dimension.STANDARDISED_CATALOGUE, Kind.NONE,
            "事项目录标准化编制情况（平台暂无数据来源）",
            "Standardisation of the item catalogue (no data source on the platform yet)"),
    CARDS_PER_100(Dimension.STANDARDISED_USE, Kind.PER_100,
            "红黄牌数（未撤销）÷ 本期受理办件数 × 100",
            "Red and yellow cards (not withdrawn) ÷ approval cases accepted in the period × 100"),
    ONLINE_APPLICATION_SHARE(Dimension.ONLINE_CAPABILITY, Kind.RATE,
            "网上申办件数 ÷ 本期申办件数",
            "Cases applied for online ÷ cases applied for in the period"),
    FULLY_ONLINE_SHARE(Dimension.FULL_ONLINE_COMPLETION, Kind.RATE,
            "网上申办且网上办结件数 ÷ 本期办结件数",
            "Cases applied for and completed online ÷ cases completed in the period"),
    APPROVAL_ON_TIME(Dimension.FULL_ONLINE_COMPLETION, Kind.RATE,
            "承诺时限内作出审批决定件数 ÷ 本期审批决定件数",
            "Cases decided within the promised limit ÷ cases decided in the period"),
    FIRST_FEEDBACK_ON_TIME(Dimension.COMPLAINT_HANDLING, Kind.RATE,
            "24小时内首次反馈件数 ÷ 本期收到且首次反馈已到期的投诉数",
            "Complaints answered within 24 hours ÷ complaints received in the period whose first feedback was due"),
    HANDLING_ON_TIME(Dimension.COMPLAINT_HANDLING, Kind.RATE,
            "未超办理时限办结件数 ÷ 本期办结投诉数",
            "Complaints closed without a handling breach ÷ complaints closed in the period"),
    REWORK_RATE(Dimension.COMPLAINT_HANDLING, Kind.INVERSE_RATE,
            "被退回重办的办结件数 ÷ 本期办结投诉数（越低越好）",
            "Closed complaints returned for rework at least once ÷ complaints closed in the period (lower is better)"),
    SPOT_CHECK_PASS(Dimension.COMPLAINT_HANDLING, Kind.RATE,
            "线下抽查相符件数 ÷ 本期完成抽查件数",
            "Spot-checked cases whose online record matched ÷ spot checks recorded in the period"),
    DISCIPLINARY_DEDUCTION(Dimension.COMPLAINT_HANDLING, Kind.DEDUCTION,
            "本期执纪问责结果扣分之和（提醒、批评教育、诫勉谈话、通报批评、移送问责各有扣分），从总分中扣除",
            "Sum of the deduction points of the disciplinary outcomes decided in the period, taken off the total"),
    SATISFACTION_RATE(Dimension.SERVICE_SATISFACTION, Kind.RATE,
            "群众实评基本满意及以上件数 ÷ 本期实评件数（默认评价不计）",
            "Real ratings of 基本满意 or better ÷ real ratings in the period (defaulted ratings left out)"),
    RATING_RESPONSE_RATE(Dimension.SERVICE_SATISFACTION, Kind.RATE,
            "实评件数 ÷（实评件数 + 超期默认评价件数）",
            "Real ratings ÷ (real ratings + ratings defaulted for want of an answer)"),
    RECTIFICATION_ON_TIME(Dimension.SERVICE_SATISFACTION, Kind.RATE,
            "按期完成整改的差评件数 ÷ 本期整改到期的差评件数",
            "Bad ratings rectified by their due date ÷ bad ratings whose rectification fell due in the period"),
    COMPLAINTS_PER_1000(Dimension.SERVICE_SATISFACTION, Kind.PER_1000,
            "本期收到的投诉数 ÷ 本期申办件数 × 1000（越低越好）",
            "Complaints received ÷ approval cases applied for in the period × 1,000 (lower is better)");

    /** How an indicator's value follows from its counts, and how it is scored. */
    public enum Kind {
        /** value = numerator ÷ denominator; score = 100 × value. */
        RATE,
        /** value = numerator ÷ denominator; score = 100 × (1 − value). */
        INVERSE_RATE,
        /** value = numerator ÷ denominator × 100; score = 100 × max(0, 1 − value ÷ ceiling). */
        PER_100,
        /** value = numerator ÷ denominator × 1,000; score = 100 × max(0, 1 − value ÷ ceiling). */
        PER_1000,
        /** value = numerator (points), taken off the department's weighted score. */
        DEDUCTION,
        /** No data source. */
        NONE
    }

    private final Dimension dimension;
    private final Kind kind;
    private final String formulaZh;
    private final String formulaEn;

    Indicator(Dimension dimension, Kind kind, String formulaZh, String formulaEn) {
        this.dimension = dimension;
        this.kind = kind;
        this.formulaZh = formulaZh;
        this.formulaEn = formulaEn;
    }

    public Dimension dimension() {
        return dimension;
    }

    public Kind kind() {
        return kind;
    }

    public String formula(boolean english) {
        return english ? formulaEn : formulaZh;
    }

    /** The value of the counts (null without a denominator, except for a deduction, whose value is its points). */
    public Double value(long numerator, long denominator) {
        return switch (kind) {
            case DEDUCTION -> (double) numerator;
            case NONE -> null;
            default -> denominator == 0 ? null : (double) numerator / denominator * switch (kind) {
                case PER_100 -> 100;
                case PER_1000 -> 1000;
                default -> 1;
            };
        };
    }

    /** The indicator's score from 0 to 100 for a value ({@code ceiling}: where a per-100/1,000 figure scores 0). */
    public double score(double value, Double ceiling) {
        return switch (kind) {
            case RATE -> 100 * value;
            case INVERSE_RATE -> 100 * (1 - value);
            case PER_100, PER_1000 -> 100 * Math.max(0, 1 - value / ceiling);
            default -> throw new IllegalStateException(this + " is not scored by a value");
        };
    }
}
