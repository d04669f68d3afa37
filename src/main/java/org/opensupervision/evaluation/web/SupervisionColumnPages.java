package org.opensupervision.evaluation.web;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.evaluation.EvaluationPeriod;
import org.opensupervision.evaluation.EvaluationResult;
import org.opensupervision.evaluation.Evaluations;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

/** What the period and department pages show, for the public column and for staff (who also see drafts). */
@Component
class SupervisionColumnPages {

    private final Evaluations evaluations;
    private final DepartmentDirectory departments;

    SupervisionColumnPages(Evaluations evaluations, DepartmentDirectory departments) {
        this.evaluations = evaluations;
        this.departments = departments;
    }

    /** The period page's model: the table, the bar chart, notices, corrections, downloads. */
    void period(EvaluationResult result, Locale locale, boolean staff, Model model) {
        boolean english = PublishedRankings.isEnglish(locale);
        RankingView view = RankingView.of(result, departments, english, staff);
        model.addAttribute("ranking", view);
        model.addAttribute("staff", staff);
        model.addAttribute("base", staff ? "/staff/evaluations" : "/supervision");
        model.addAttribute("barChart", SvgCharts.bars(view.departments().stream()
                .map(d -> new SvgCharts.Bar(d.departmentName(), d.score())).toList(),
                (english ? "Scores " : "得分 ") + result.period()));
    }

    /** The department page's model: each indicator with its formula and counts, and the trend of its score. */
    void department(EvaluationResult result, String departmentCode, Locale locale, boolean staff, Model model) {
        boolean english = PublishedRankings.isEnglish(locale);
        RankingView view = RankingView.of(result, departments, english, staff);
        RankingView.DepartmentView department = view.departments().stream()
                .filter(d -> d.departmentCode().equals(departmentCode)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        EvaluationPeriod period = new EvaluationPeriod(result.period());
        YearMonth last = period.months().get(period.months().size() - 1);
        model.addAttribute("ranking", view);
        model.addAttribute("department", department);
        model.addAttribute("staff", staff);
        model.addAttribute("base", staff ? "/staff/evaluations" : "/supervision");
        model.addAttribute("notices", view.notices().stream()
                .filter(n -> n.departmentCode().equals(departmentCode)).toList());
        model.addAttribute("corrections", view.corrections().stream()
                .filter(c -> c.departmentCode().equals(departmentCode)).toList());
        model.addAttribute("trendChart", SvgCharts.trend(evaluations.trend(departmentCode, last, 12),
                (english ? "Monthly scores of " : "月度得分 ") + department.departmentName()));
    }

    /** The published periods split into months and years, newest first; returns the months. */
    List<String> periods(Model model) {
        List<String> periods = evaluations.publishedPeriods();
        List<String> months = periods.stream().filter(p -> p.length() == 7).toList();
        model.addAttribute("months", months);
        model.addAttribute("years", periods.stream().filter(p -> p.length() == 4).toList());
        return months;
    }

    Optional<EvaluationResult> published(String period, Integer version) {
        return EvaluationPeriod.parse(period).flatMap(p -> version == null ? evaluations.published(p)
                : evaluations.published(p, version));
    }

    Optional<EvaluationResult> latest(String period) {
        return EvaluationPeriod.parse(period).flatMap(evaluations::latest);
    }
}
