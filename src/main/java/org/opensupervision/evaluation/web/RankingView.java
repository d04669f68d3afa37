package org.opensupervision.evaluation.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.evaluation.Correction;
import org.opensupervision.evaluation.DepartmentResult;
import org.opensupervision.evaluation.EvaluationResult;
import org.opensupervision.evaluation.IndicatorResult;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A period's ranking as the API shows it (the contract of {@code GET /api/public/rankings/{period}}): department
 * names in the reader's language, values rounded to four decimals, no staff names (the public view leaves out who
 * corrected; the staff view says it). Every field of the contract is present, null where there is no value.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record RankingView(String period, String status, int version, int ruleVersion, Instant publishedAt,
                   List<CorrectionView> corrections, List<DepartmentView> departments, List<NoticeView> notices) {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DepartmentView(String departmentCode, String departmentName, BigDecimal score, Integer rank, String grade,
                          String gradeLabel, BigDecimal change, List<IndicatorView> indicators) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record IndicatorView(String code, String dimension, String dimensionLabel, Double value, Long numerator,
                         Long denominator, String status, Double score, double weight, boolean corrected,
                         String formula) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CorrectionView(int version, String departmentCode, String departmentName, String indicator,
                          long originalNumerator, long originalDenominator, long correctedNumerator,
                          long correctedDenominator, String reason, Instant correctedAt, boolean afterPublication,
                          String correctedBy) {
    }

    /** A 通报批评 at department level: the department and the day, nothing about a person or a case. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record NoticeView(String departmentCode, String departmentName, String outcome, LocalDate decidedOn) {
    }

    static RankingView of(EvaluationResult r, DepartmentDirectory directory, boolean english, boolean staff) {
        return new RankingView(r.period(), r.status(), r.version(), r.ruleVersion(), r.publishedAt(),
                r.corrections().stream().map(c -> correction(c, directory, english, staff)).toList(),
                r.departments().stream().map(d -> department(d, directory, english)).toList(),
                r.notices().stream().map(n -> new NoticeView(n.departmentCode(), name(directory, n.departmentCode(),
                        english), english ? "Public criticism" : "通报批评", n.decidedOn())).toList());
    }

    static DepartmentView department(DepartmentResult d, DepartmentDirectory directory, boolean english) {
        return new DepartmentView(d.departmentCode(), name(directory, d.departmentCode(), english), d.score(),
                d.rank(), d.grade() == null ? null : d.grade().name(),
                d.grade() == null ? null : d.grade().label(english), d.change(),
                d.indicators().stream().map(i -> indicator(i, english)).toList());
    }

    static IndicatorView indicator(IndicatorResult i, boolean english) {
        return new IndicatorView(i.code().name(), i.dimension().name(), i.dimension().label(english), round(i.value()),
                i.numerator(), i.denominator(), i.status().name(), i.score(), i.weight(), i.corrected(),
                i.code().formula(english));
    }

    private static CorrectionView correction(Correction c, DepartmentDirectory directory, boolean english,
                                             boolean staff) {
        return new CorrectionView(c.version(), c.departmentCode(), name(directory, c.departmentCode(), english),
                c.indicator().name(), c.originalNumerator(), c.originalDenominator(), c.correctedNumerator(),
                c.correctedDenominator(), c.reason(), c.correctedAt(), c.afterPublication(),
                staff ? c.correctedBy() : null);
    }

    static String name(DepartmentDirectory directory, String code, boolean english) {
        return directory.find(code).map(d -> english ? d.nameEn() : d.nameZh()).orElse(code);
    }

    static Double round(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }
}
