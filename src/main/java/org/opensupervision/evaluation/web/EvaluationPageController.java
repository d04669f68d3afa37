package org.opensupervision.evaluation.web;

import java.util.Locale;

import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.evaluation.EvaluationResult;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The same views for staff, drafts included, and the comparison of two periods. */
@Controller
class EvaluationPageController {

    private final SupervisionColumnPages pages;
    private final DepartmentDirectory departments;

    EvaluationPageController(SupervisionColumnPages pages, DepartmentDirectory departments) {
        this.pages = pages;
        this.departments = departments;
    }

    @GetMapping("/staff/evaluations/{period:" + PublishedRankings.PERIOD + "}")
    String period(@PathVariable String period, Model model, Locale locale) {
        pages.period(latest(period), locale, true, model);
        return "supervision/period";
    }

    @GetMapping("/staff/evaluations/{period:" + PublishedRankings.PERIOD + "}/{departmentCode}")
    String department(@PathVariable String period, @PathVariable String departmentCode, Model model, Locale locale) {
        pages.department(latest(period), departmentCode, locale, true, model);
        return "supervision/department";
    }

    @GetMapping("/staff/evaluations/compare")
    String compare(@RequestParam(required = false) String a, @RequestParam(required = false) String b, Model model,
                   Locale locale) {
        model.addAttribute("a", a);
        model.addAttribute("b", b);
        if (a != null && b != null && !a.isBlank() && !b.isBlank()) {
            model.addAttribute("comparison", EvaluationApiController.compare(latest(a), latest(b), departments,
                    PublishedRankings.isEnglish(locale)));
        }
        return "staff/evaluation-compare";
    }

    private EvaluationResult latest(String period) {
        return pages.latest(period).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
