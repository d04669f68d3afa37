package org.opensupervision.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scoring rule, written once: each indicator measured on at least its minimum sample is SCORED (0 to 100 by its
 * formula); one measured on fewer cases is TOO_FEW; one without a data source NOT_MEASURED. <b>Weight
 * redistribution</b>: a department's score is the weighted mean of its SCORED indicators, Σ(weight × score) ÷
 * Σ(weight), so the weights of its TOO_FEW and NOT_MEASURED indicators go to its scored ones in proportion to their
 * own weights; then the disciplinary deduction points are taken off (never below 0), and the score is rounded to two
 * decimals (half up). A department with no scored weighted indicator has no score, rank or grade. <b>Ranks</b>: by
 * score, highest first; equal scores share a rank and the next rank skips (1, 1, 3).
 */
final class ScoreCard {

    private ScoreCard() {
    }

    /**
     * Scores and ranks every department.
     *
     * @param counts    department -> its counts (in directory order)
     * @param previous  department -> its published score of the period before
     * @param corrected "department/INDICATOR" of the counts the evaluation office corrected
     */
    static List<DepartmentResult> score(Map<String, Map<Indicator, IndicatorCount>> counts, EvaluationRules rules,
                                        Map<String, BigDecimal> previous, Set<String> corrected) {
        List<DepartmentResult> unranked = new ArrayList<>();
        counts.forEach((department, byIndicator) -> {
            List<IndicatorResult> indicators = new ArrayList<>();
            double weighted = 0;
            double weights = 0;
            long deduction = 0;
            for (Indicator indicator : Indicator.values()) {
                IndicatorCount c = byIndicator.getOrDefault(indicator, IndicatorCount.notMeasured(indicator));
                boolean wasCorrected = corrected.contains(department + "/" + indicator);
                double weight = rules.weight(indicator);
                if (!c.measured() || indicator.kind() == Indicator.Kind.NONE) {
                    indicators.add(new IndicatorResult(indicator, indicator.dimension(), null, null, null,
                            IndicatorStatus.NOT_MEASURED, null, weight, wasCorrected));
                    continue;
                }
                Double value = indicator.value(c.numerator(), c.denominator());
                if (indicator.kind() == Indicator.Kind.DEDUCTION) {
                    deduction += c.numerator();
                    indicators.add(new IndicatorResult(indicator, indicator.dimension(), value, c.numerator(),
                            c.denominator(), IndicatorStatus.SCORED, null, weight, wasCorrected));
                    continue;
                }
                if (c.denominator() == 0 || c.denominator() < rules.minimumSample(indicator)) {
                    indicators.add(new IndicatorResult(indicator, indicator.dimension(), value, c.numerator(),
                            c.denominator(), IndicatorStatus.TOO_FEW, null, weight, wasCorrected));
                    continue;
                }
                double score = round(indicator.score(value, rules.ceiling(indicator))).doubleValue();
                indicators.add(new IndicatorResult(indicator, indicator.dimension(), value, c.numerator(),
                        c.denominator(), IndicatorStatus.SCORED, score, weight, wasCorrected));
                weighted += weight * score;
                weights += weight;
            }
            BigDecimal score = weights == 0 ? null : round(Math.max(0, weighted / weights - deduction));
            BigDecimal before = previous.get(department);
            unranked.add(new DepartmentResult(department, score, null,
                    score == null ? null : rules.grade(score.doubleValue()),
                    score == null || before == null ? null : score.subtract(before), indicators));
        });
        return rank(unranked);
    }

    /** Highest score first, equal scores share a rank and the next one skips; unscored last, in their order. */
    static List<DepartmentResult> rank(List<DepartmentResult> departments) {
        List<DepartmentResult> scored = new ArrayList<>(departments.stream().filter(d -> d.score() != null)
                .sorted(Comparator.comparing(DepartmentResult::score).reversed()).toList());
        List<DepartmentResult> ranked = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            DepartmentResult d = scored.get(i);
            int rank = i > 0 && scored.get(i - 1).score().compareTo(d.score()) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new DepartmentResult(d.departmentCode(), d.score(), rank, d.grade(), d.change(),
                    d.indicators()));
        }
        departments.stream().filter(d -> d.score() == null).forEach(ranked::add);
        return ranked;
    }

    static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
