package org.opensupervision.spotcheck;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SpotCheckSampleRepository extends JpaRepository<SpotCheckSample, Long> {

    List<SpotCheckSample> findByRoundIdOrderByDepartmentCodeAscTrackingNumberAsc(Long roundId);

    long countByDepartmentCodeAndResultAndCheckedAtGreaterThanEqual(String departmentCode, SpotCheckResult result,
                                                                    Instant since);
}
