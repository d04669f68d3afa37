package org.opensupervision.complaint;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface ComplaintRepository extends JpaRepository<Complaint, Long>, JpaSpecificationExecutor<Complaint> {

    List<Complaint> findByTrackingNumberIn(Collection<String> trackingNumbers);

    Optional<Complaint> findByIdempotencyKey(String idempotencyKey);

    boolean existsByTrackingNumber(String trackingNumber);

    List<Complaint> findByClosedAtGreaterThanEqualAndClosedAtLessThanOrderByClosedAt(Instant from, Instant to);
}
