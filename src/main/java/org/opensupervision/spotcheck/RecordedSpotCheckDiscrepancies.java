package org.opensupervision.spotcheck;

import java.time.Instant;

import org.opensupervision.rules.SpotCheckDiscrepancies;
import org.springframework.stereotype.Component;

/** The spot-check discrepancies fact of the supervision rules, counted from the recorded checks. */
@Component
class RecordedSpotCheckDiscrepancies implements SpotCheckDiscrepancies {

    private final SpotCheckSampleRepository samples;

    RecordedSpotCheckDiscrepancies(SpotCheckSampleRepository samples) {
        this.samples = samples;
    }

    @Override
    public long countSince(String departmentCode, Instant since) {
        return samples.countByDepartmentCodeAndResultAndCheckedAtGreaterThanEqual(departmentCode,
                SpotCheckResult.DISCREPANCY, since);
    }
}
