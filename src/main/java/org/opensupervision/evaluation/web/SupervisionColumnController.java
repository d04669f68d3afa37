package org.opensupervision.evaluation.web;

import java.time.Duration;
import java.util.Locale;

import org.opensupervision.evaluation.EvaluationResult;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The public supervision column (效能监督栏目): the published months and years, each period's ranking with its bar
 * chart and notices, and each department's indicators with their formulas, counts and trend. No login; Chinese by
 * default, {@code ?lang=en} for English. Only published versions are shown.
 */
@Controller
class SupervisionColumnController {

    private final SupervisionColumnPages pages;

    SupervisionColumnController(SupervisionColumnPages pages) {
        this.pages = pages;
    }

    @GetMapping("/supervision")
    String index(Model model, Locale locale) {
        java.util.List<String> months = pages.periods(model);
        if (!months.isEmpty()) {
            pages.published(months.get(0), null).ifPresent(r -> pages.period(r, locale, false, model));
        }
        return "supervision/index";
    }

    @GetMapping("/supervision/{period:" + PublishedRankings.PERIOD + "}")
    String period(@PathVariable String period, @RequestParam(required = false) Integer version, Model model,
                  Locale locale, WebRequest request, HttpServletResponse response) {
        EvaluationResult result = pages.published(period, version)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (notModified(result, locale, "page", version, request, response)) {
            return null;
        }
        pages.period(result, locale, false, model);
        return "supervision/period";
    }

    @GetMapping("/supervision/{period:" + PublishedRankings.PERIOD + "}/{departmentCode}")
    String department(@PathVariable String period, @PathVariable String departmentCode,
                      @RequestParam(required = false) Integer version, Model model, Locale locale,
                      WebRequest request, HttpServletResponse response) {
        EvaluationResult result = pages.published(period, version)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        // The trend reads later months too: revalidated, not kept for long.
        pages.department(result, departmentCode, locale, false, model);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noCache().cachePublic().getHeaderValue());
        return "supervision/department";
    }

    private static boolean notModified(EvaluationResult result, Locale locale, String kind, Integer version,
                                       WebRequest request, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, (version == null
                ? CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()
                : CacheControl.maxAge(Duration.ofDays(365)).cachePublic()).getHeaderValue());
        response.setHeader(HttpHeaders.VARY, "Accept-Language, Cookie");
        return request.checkNotModified(PublishedRankings.etag(result, locale, kind));
    }
}
