package org.opensupervision.approval;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/** A case row as read for an update: its id, identity, item version, progress and the causes already carded. */
final class StoredCase {

    Long id;
    final String caseId;
    final String departmentCode;
    final CaseProgress progress;
    final Set<CardCause> raised;

    StoredCase(Long id, String caseId, String departmentCode, CaseProgress progress, Set<CardCause> raised) {
        this.id = id;
        this.caseId = caseId;
        this.departmentCode = departmentCode;
        this.progress = progress;
        this.raised = raised;
    }

    /** The audit-trail and rule-check key of the case (complaints are keyed by their tracking numbers). */
    static String caseKey(String caseId) {
        return "AC-" + caseId;
    }

    static Set<CardCause> causes(String column) {
        Set<CardCause> causes = EnumSet.noneOf(CardCause.class);
        if (column != null && !column.isBlank()) {
            Arrays.stream(column.split(",")).map(CardCause::valueOf).forEach(causes::add);
        }
        return causes;
    }

    static String column(Set<CardCause> causes) {
        return causes.isEmpty() ? null : String.join(",", causes.stream().map(Enum::name).toList());
    }

    static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
