package org.opensupervision.evaluation.web;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.opensupervision.evaluation.EvaluationPeriod;
import org.opensupervision.evaluation.EvaluationResult;
import org.opensupervision.evaluation.Evaluations;
import org.springframework.http.CacheControl;
import org.springframework.stereotype.Component;

/**
 * What the public sees: only published versions, never a draft. A version never changes, so a request naming one is
 * cacheable for a year; the latest version of a period changes only with a correction, so it is cached for minutes
 * and revalidated by its ETag (the period, the version and the language).
 */
@Component
class PublishedRankings {

    static final String PERIOD = "\\d\\d\\d\\d(?:-\\d\\d)?";

    private final Evaluations evaluations;

    PublishedRankings(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    Optional<EvaluationResult> find(String period, Integer version) {
        return EvaluationPeriod.parse(period).flatMap(p -> version == null ? evaluations.published(p)
                : evaluations.published(p, version));
    }

    static String etag(EvaluationResult result, Locale locale, String kind) {
        return "\"" + result.period() + "-v" + result.version() + "-" + locale.getLanguage() + "-" + kind + "\"";
    }

    static CacheControl cacheControl(Integer version) {
        return version == null ? CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()
                : CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
    }

    static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
