package org.opensupervision.discipline;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface DisciplinaryCaseRepository extends JpaRepository<DisciplinaryCase, Long> {

    List<DisciplinaryCase> findAllByOrderByOpenedAtDesc();

    List<DisciplinaryCase> findByTrackingNumberOrderByOpenedAt(String trackingNumber);

    List<DisciplinaryCase> findByDecidedAtGreaterThanEqualAndDecidedAtLessThanOrderByDecidedAt(Instant from,
                                                                                              Instant to);
}
