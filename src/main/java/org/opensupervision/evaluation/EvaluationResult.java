package org.opensupervision.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The evaluation of every department in one period, one version of it: a draft (version 1 until published) or a
 * published version, which never changes; a correction after publication is the next version.
 *
 * @param status      {@code DRAFT} or {@code PUBLISHED}
 * @param ruleVersion the version of the scoring rules that scored it
 * @param departments ranked, best first; departments without a score last, in directory order
 * @param notices     the period's 通报批评 at department level
 * @param corrections every correction of the period up to this version, oldest first
 */
public record EvaluationResult(String period, int version, String status, int ruleVersion, Instant computedAt,
                               Instant publishedAt, List<DepartmentResult> departments, List<PublicNotice> notices,
                               List<Correction> corrections) {

    public static final String DRAFT = "DRAFT";
    public static final String PUBLISHED = "PUBLISHED";

    @JsonIgnore
    public boolean isPublished() {
        return PUBLISHED.equals(status);
    }

    /** The same result with the corrections up to its version. */
    public EvaluationResult withCorrections(List<Correction> all) {
        return new EvaluationResult(period, version, status, ruleVersion, computedAt, publishedAt, departments, notices,
                all);
    }

    /** The result of one department. */
    public Optional<DepartmentResult> department(String code) {
        return departments.stream().filter(d -> d.departmentCode().equals(code)).findFirst();
    }
}
