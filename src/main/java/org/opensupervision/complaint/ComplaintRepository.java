package org.opensupervision.complaint;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;

import org.hibernate.LockOptions;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

interface ComplaintRepository extends JpaRepository<Complaint, Long>, JpaSpecificationExecutor<Complaint> {

    List<Complaint> findByTrackingNumberIn(Collection<String> trackingNumbers);

    Optional<Complaint> findByIdempotencyKey(String idempotencyKey);

    boolean existsByTrackingNumber(String trackingNumber);

    List<Complaint> findByClosedAtGreaterThanEqualAndClosedAtLessThanOrderByClosedAt(Instant from, Instant to);

    /**
     * Complaints whose process has not been started, oldest first, locked (only submitted ones: a complaint that
     * has moved on, or was imported closed, without a process is never given one); rows another transaction holds are skipped
     * ({@code for update skip locked}), so several starters share the work without waiting for each other.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "" + LockOptions.SKIP_LOCKED))
    @Query("select c from Complaint c where c.processInstanceId is null"
            + " and c.status = org.opensupervision.complaint.ComplaintStatus.SUBMITTED order by c.id")
    List<Complaint> lockPendingStarts(Limit limit);

    /** {@link #lockPendingStarts} for one complaint: empty if it has its process or another transaction holds it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "" + LockOptions.SKIP_LOCKED))
    @Query("select c from Complaint c where c.id = :id and c.processInstanceId is null"
            + " and c.status = org.opensupervision.complaint.ComplaintStatus.SUBMITTED")
    Optional<Complaint> lockPendingStart(Long id);
}
