package org.opensupervision.discipline;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface DisciplinaryCaseRepository extends JpaRepository<DisciplinaryCase, Long> {

    List<DisciplinaryCase> findAllByOrderByOpenedAtDesc();

    @org.springframework.data.jpa.repository.Query("select distinct d.trackingNumber from DisciplinaryCase d")
    java.util.Set<String> findEscalatedTrackingNumbers();

    boolean existsByTrackingNumber(String trackingNumber);

    List<DisciplinaryCase> findByTrackingNumberOrderByOpenedAt(String trackingNumber);

    List<DisciplinaryCase> findByDecidedAtGreaterThanEqualAndDecidedAtLessThanOrderByDecidedAt(Instant from,
                                                                                              Instant to);
}
