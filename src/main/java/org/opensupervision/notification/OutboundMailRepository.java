package org.opensupervision.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** The mails written, newest first for the staff page; the dispatcher's claims on due mails. */
public interface OutboundMailRepository extends JpaRepository<OutboundMail, Long> {

    /** One page of all mails. */
    Page<OutboundMail> findAllByOrderByCreatedAtDescIdDesc(Pageable page);

    /** The mails of one complaint, oldest first. */
    List<OutboundMail> findByTrackingNumberOrderByCreatedAtAscIdAsc(String trackingNumber);

    /** How many mails are in this state. */
    long countByDelivery(Delivery delivery);

    /** Pending mails due for an attempt and claimed by no live dispatcher, oldest due first. */
    @Query("""
            select m.id from OutboundMail m
            where m.delivery = org.opensupervision.notification.Delivery.PENDING and m.nextAttemptAt <= :now
              and (m.leaseUntil is null or m.leaseUntil < :now)
            order by m.nextAttemptAt, m.id""")
    List<Long> findDueIds(Instant now, Pageable batch);

    /**
     * Claims those of the given mails that are still due and unclaimed. A row-level update: of two dispatchers
     * claiming the same row, the second re-reads it after the first commits and no longer matches (PostgreSQL and
     * H2 both), so a mail is claimed by one dispatcher at a time.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update OutboundMail m set m.leaseOwner = :owner, m.leaseUntil = :until
            where m.id in :ids and m.delivery = org.opensupervision.notification.Delivery.PENDING
              and (m.leaseUntil is null or m.leaseUntil < :now)""")
    int claim(Collection<Long> ids, String owner, Instant until, Instant now);

    /**
     * Renews this dispatcher's claim on one mail right before it is sent, so that no claim runs out while its batch is
     * being worked through; {@code 0} when the claim was lost (it ran out and another dispatcher took the mail).
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update OutboundMail m set m.leaseUntil = :until
            where m.id = :id and m.leaseOwner = :owner and m.leaseUntil >= :now
              and m.delivery = org.opensupervision.notification.Delivery.PENDING""")
    int renewClaim(Long id, String owner, Instant until, Instant now);

    /** The mails this dispatcher claimed and has not finished. */
    @Query("""
            select m from OutboundMail m
            where m.leaseOwner = :owner and m.delivery = org.opensupervision.notification.Delivery.PENDING
            order by m.nextAttemptAt, m.id""")
    List<OutboundMail> findClaimedBy(String owner);

    /**
     * Mails whose body may go, oldest first: kept in the outbox or for nobody ({@code OUTBOX}, {@code NO_ADDRESS}) or
     * sent ({@code SMTP}) before the cutoff, body still there. Pending and failed mails keep theirs: they are still to
     * be sent.
     */
    @Query("""
            select m.id from OutboundMail m
            where m.body is not null and m.createdAt < :cutoff
              and (m.delivery in (org.opensupervision.notification.Delivery.OUTBOX,
                                  org.opensupervision.notification.Delivery.NO_ADDRESS)
                   or (m.delivery = org.opensupervision.notification.Delivery.SMTP and m.sentAt < :cutoff))
            order by m.createdAt, m.id""")
    List<Long> findBodiesKeptSince(Instant cutoff, Pageable batch);

    /** Removes the bodies of these mails; the rest of each row stays. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update OutboundMail m set m.body = null where m.id in :ids")
    int dropBodies(Collection<Long> ids);
}
