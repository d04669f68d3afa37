package org.opensupervision.evaluation.web;

import java.util.Locale;

import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.evaluation.EvaluationResult;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.opensupervision.evaluation.EvaluationPeriod;
import org.opensupervision.evaluation.EvaluationRejected;
import org.opensupervision.evaluation.Evaluations;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The same views for staff, drafts included, and the comparison of two periods. */
@Controller
class EvaluationPageController {

    private final SupervisionColumnPages pages;
    private final DepartmentDirectory departments;
    private final Evaluations evaluations;

    EvaluationPageController(SupervisionColumnPages pages, DepartmentDirectory departments, Evaluations evaluations) {
        this.pages = pages;
        this.departments = departments;
        this.evaluations = evaluations;
    }

    @GetMapping("/staff/evaluations")
    String index(Model model) {
        model.addAttribute("periods", evaluations.periods());
        return "staff/evaluations";
    }

    /** Computes (or recomputes) a period from the page's form, then shows it; a published period is shown as it is. */
    @PostMapping("/staff/evaluations")
    String compute(@RequestParam String period, Authentication login) {
        EvaluationPeriod p = EvaluationPeriod.parse(period)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
        try {
            evaluations.compute(p, login.getName());
        } catch (EvaluationRejected rejected) {
            if (rejected.reason() == EvaluationRejected.Reason.INVALID) {
                // A period that has not ended: nothing to show.
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, rejected.getMessage());
            }
            // Published: nothing to compute, the page shows the published version.
        }
        return "redirect:/staff/evaluations/" + p.code();
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
