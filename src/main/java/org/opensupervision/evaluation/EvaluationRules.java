package org.opensupervision.evaluation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opensupervision.discipline.DisciplinaryOutcome;

/**
 * One version of the scoring rules: the weight of each indicator, the minimum sample below which it is "too few to
 * score", the ceilings of the per-100 and per-1,000 figures, the deduction points of the disciplinary outcomes and
 * the grade bands. Versions are kept for ever; every computed result names the version that scored it.
 *
 * @param version        the version number (given when the version is stored; 0 in a proposal)
 * @param weights        indicator -> weight (0 or more; relative, need not add up to 100)
 * @param minimumSamples indicator -> the smallest denominator that is scored
 * @param ceilings       per-100/1,000 indicator -> the value at which its score reaches 0
 * @param deductionPoints disciplinary outcome -> whole points taken off the score for each case decided so
 * @param excellentFrom  the lowest score graded 优秀
 * @param goodFrom       the lowest score graded 良好
 * @param passFrom       the lowest score graded 合格 (below: 不合格)
 */
public record EvaluationRules(int version, Map<Indicator, Double> weights, Map<Indicator, Long> minimumSamples,
                              Map<Indicator, Double> ceilings, Map<DisciplinaryOutcome, Long> deductionPoints,
                              double excellentFrom, double goodFrom, double passFrom) {

    /** The rules of version 1, the defaults a new installation starts with. */
    public static EvaluationRules defaults() {
        Map<Indicator, Double> weights = new EnumMap<>(Indicator.class);
        weights.put(Indicator.CATALOGUE_STANDARDISED, 10.0);
        weights.put(Indicator.CARDS_PER_100, 10.0);
        weights.put(Indicator.ONLINE_APPLICATION_SHARE, 10.0);
        weights.put(Indicator.FULLY_ONLINE_SHARE, 10.0);
        weights.put(Indicator.APPROVAL_ON_TIME, 10.0);
        weights.put(Indicator.FIRST_FEEDBACK_ON_TIME, 10.0);
        weights.put(Indicator.HANDLING_ON_TIME, 10.0);
        weights.put(Indicator.REWORK_RATE, 5.0);
        weights.put(Indicator.SPOT_CHECK_PASS, 5.0);
        weights.put(Indicator.DISCIPLINARY_DEDUCTION, 0.0);
        weights.put(Indicator.SATISFACTION_RATE, 10.0);
        weights.put(Indicator.RATING_RESPONSE_RATE, 5.0);
        weights.put(Indicator.RECTIFICATION_ON_TIME, 5.0);
        weights.put(Indicator.COMPLAINTS_PER_1000, 5.0);
        Map<Indicator, Long> minimum = new EnumMap<>(Indicator.class);
        for (Indicator i : Indicator.values()) {
            minimum.put(i, i.kind() == Indicator.Kind.DEDUCTION ? 0L : 5L);
        }
        minimum.put(Indicator.CARDS_PER_100, 20L);
        minimum.put(Indicator.COMPLAINTS_PER_1000, 100L);
        Map<Indicator, Double> ceilings = new EnumMap<>(Indicator.class);
        ceilings.put(Indicator.CARDS_PER_100, 20.0);
        ceilings.put(Indicator.COMPLAINTS_PER_1000, 20.0);
        Map<DisciplinaryOutcome, Long> deductions = new EnumMap<>(DisciplinaryOutcome.class);
        deductions.put(DisciplinaryOutcome.NO_VIOLATION, 0L);
        deductions.put(DisciplinaryOutcome.REMINDER, 1L);
        deductions.put(DisciplinaryOutcome.CRITICISM_AND_EDUCATION, 2L);
        deductions.put(DisciplinaryOutcome.ADMONITION_TALK, 3L);
        deductions.put(DisciplinaryOutcome.PUBLIC_CRITICISM, 5L);
        deductions.put(DisciplinaryOutcome.REFERRAL_FOR_ACCOUNTABILITY, 10L);
        return new EvaluationRules(0, weights, minimum, ceilings, deductions, 90, 80, 60);
    }

    /** The same rules under another version number. */
    public EvaluationRules withVersion(int number) {
        return new EvaluationRules(number, weights, minimumSamples, ceilings, deductionPoints, excellentFrom, goodFrom,
                passFrom);
    }

    public double weight(Indicator indicator) {
        return weights.getOrDefault(indicator, 0.0);
    }

    public long minimumSample(Indicator indicator) {
        return minimumSamples.getOrDefault(indicator, 0L);
    }

    public Double ceiling(Indicator indicator) {
        return ceilings.get(indicator);
    }

    public long deduction(DisciplinaryOutcome outcome) {
        return deductionPoints.getOrDefault(outcome, 0L);
    }

    /** The grade of a score. */
    public Grade grade(double score) {
        return score >= excellentFrom ? Grade.EXCELLENT : score >= goodFrom ? Grade.GOOD
                : score >= passFrom ? Grade.PASS : Grade.FAIL;
    }

    /** What is wrong with a proposal, field by field (empty when it is valid). */
    public List<Map<String, String>> problems() {
        List<Map<String, String>> problems = new ArrayList<>();
        if (weights == null || minimumSamples == null || ceilings == null || deductionPoints == null) {
            problems.add(problem("rules", "required", "须给出 weights、minimumSamples、ceilings、deductionPoints / "
                    + "weights, minimumSamples, ceilings and deductionPoints are required"));
            return problems;
        }
        double total = 0;
        for (Indicator i : Indicator.values()) {
            Double w = weights.get(i);
            if (w == null || !Double.isFinite(w) || w < 0 || w > 1000) {
                problems.add(problem("weights." + i, "range", "权重须在 0 至 1000 之间 / A weight from 0 to 1,000"));
            } else if (i.kind() != Indicator.Kind.NONE && i.kind() != Indicator.Kind.DEDUCTION) {
                total += w;
            }
            Long min = minimumSamples.get(i);
            if (min == null || min < 0 || min > 1_000_000) {
                problems.add(problem("minimumSamples." + i, "range",
                        "最小样本须在 0 至 1000000 之间 / A minimum sample from 0 to 1,000,000"));
            }
            if (i.kind() == Indicator.Kind.PER_100 || i.kind() == Indicator.Kind.PER_1000) {
                Double c = ceilings.get(i);
                if (c == null || !Double.isFinite(c) || c <= 0) {
                    problems.add(problem("ceilings." + i, "range", "上限须大于 0 / A ceiling above 0"));
                }
            }
        }
        if (total <= 0) {
            problems.add(problem("weights", "noWeight",
                    "至少一个可计量指标的权重须大于 0 / At least one measured indicator needs a weight above 0"));
        }
        for (DisciplinaryOutcome o : DisciplinaryOutcome.values()) {
            Long d = deductionPoints.get(o);
            if (d == null || d < 0 || d > 100) {
                problems.add(problem("deductionPoints." + o, "range", "扣分须在 0 至 100 之间 / Points from 0 to 100"));
            }
        }
        if (!(excellentFrom <= 100 && excellentFrom > goodFrom && goodFrom > passFrom && passFrom >= 0)) {
            problems.add(problem("excellentFrom", "bands",
                    "须 100 ≥ 优秀 > 良好 > 合格 ≥ 0 / Bands must satisfy 100 ≥ excellent > good > pass ≥ 0"));
        }
        return problems;
    }

    private static Map<String, String> problem(String field, String code, String message) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("field", field);
        p.put("code", code);
        p.put("message", message);
        return p;
    }
}
