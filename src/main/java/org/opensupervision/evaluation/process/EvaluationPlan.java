package org.opensupervision.evaluation.process;

import java.time.YearMonth;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The periods one run of {@code monthly-evaluation} evaluates ({@code ${evaluationPlan.periodsFor(evaluationMonth)}},
 * the multi-instance collection): the month, and after December also its year.
 */
@Component("evaluationPlan")
public class EvaluationPlan {

    public List<String> periodsFor(String month) {
        YearMonth m = YearMonth.parse(month);
        return m.getMonthValue() == 12 ? List.of(m.toString(), String.valueOf(m.getYear())) : List.of(m.toString());
    }
}
