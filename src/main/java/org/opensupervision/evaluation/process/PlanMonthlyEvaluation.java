package org.opensupervision.evaluation.process;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.calendar.WorkingDayCalendar;
import org.opensupervision.evaluation.EvaluationProperties;
import org.opensupervision.evaluation.MonthlyEvaluation.Var;
import org.springframework.stereotype.Component;

/**
 * The month to evaluate is the one before the start (China Standard Time); the computation waits for the first
 * working day of the new month at the compute time (on the official calendar, so 1 January or a Spring Festival
 * holiday is skipped), or runs at once when that is past.
 */
@Component("planMonthlyEvaluation")
class PlanMonthlyEvaluation implements JavaDelegate {

    private final WorkingDayCalendar calendar;
    private final EvaluationProperties properties;
    private final Clock clock;

    PlanMonthlyEvaluation(WorkingDayCalendar calendar, EvaluationProperties properties, Clock clock) {
        this.calendar = calendar;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ZoneId zone = calendar.zone();
        Instant now = clock.instant();
        YearMonth current = YearMonth.from(now.atZone(zone));
        LocalDate day = current.atDay(1);
        while (!calendar.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        Instant computeAt = day.atTime(properties.computeTime()).atZone(zone).toInstant();
        execution.setVariable(Var.EVALUATION_MONTH, current.minusMonths(1).toString());
        execution.setVariable(Var.COMPUTE_AT, Date.from(computeAt.isBefore(now) ? now : computeAt));
    }
}
