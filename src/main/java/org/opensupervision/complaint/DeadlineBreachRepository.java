package org.opensupervision.complaint;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface DeadlineBreachRepository extends JpaRepository<DeadlineBreach, Long> {

    boolean existsByComplaintIdAndKindAndDueAt(Long complaintId, BreachKind kind, Instant dueAt);

    List<DeadlineBreach> findByComplaintIdOrderByRecordedAt(Long complaintId);

    long countByDepartmentCodeAndKindAndRecordedAtGreaterThanEqual(String departmentCode, BreachKind kind,
                                                                  Instant since);
}
