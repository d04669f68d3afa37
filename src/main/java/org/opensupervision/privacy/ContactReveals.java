package org.opensupervision.privacy;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervision office's grants to see a complainant's contact data, and their audit trail. Callers check that the
 * acting user belongs to the supervision office ({@link ContactVisibility#isSupervisionOffice}).
 */
@Service
@Transactional
public class ContactReveals {

    private static final Logger log = LoggerFactory.getLogger(ContactReveals.class);

    private final ContactRevealRepository reveals;
    private final ContactRevealViewRepository views;
    private final Clock clock;

    ContactReveals(ContactRevealRepository reveals, ContactRevealViewRepository views, Clock clock) {
        this.reveals = reveals;
        this.views = views;
        this.clock = clock;
    }

    /**
     * Lets a department's handlers, or one user, see the contact data of one case.
     *
     * @param departmentCode the department, or null when {@code userId} is given
     * @param userId         the user, or null when {@code departmentCode} is given
     * @param reason         why (mandatory, kept in the audit trail)
     * @param grantedBy      the supervision office user granting it
     */
    public ContactReveal grant(String trackingNumber, String departmentCode, String userId, String reason,
                               String grantedBy) {
        if ((departmentCode == null) == (userId == null) || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A reveal needs a reason and either a department or a user");
        }
        ContactReveal reveal = reveals.save(new ContactReveal(trackingNumber, departmentCode, userId, reason.strip(),
                grantedBy, clock.instant()));
        log.info("Contact reveal {} of {} granted by {} to {} {}", reveal.getId(), trackingNumber, grantedBy,
                departmentCode != null ? "department" : "user", departmentCode != null ? departmentCode : userId);
        return reveal;
    }

    /** Every grant of a case, revoked ones included, oldest first. */
    @Transactional(readOnly = true)
    public List<ContactReveal> of(String trackingNumber) {
        return reveals.findByTrackingNumberOrderByGrantedAtAscIdAsc(trackingNumber);
    }

    /** Every recorded view of revealed contact data of a case, oldest first. */
    @Transactional(readOnly = true)
    public List<ContactRevealView> viewsOf(String trackingNumber) {
        return views.findByTrackingNumberOrderByViewedAtAscIdAsc(trackingNumber);
    }

    /**
     * Ends a grant; revoking it again changes nothing.
     *
     * @return the grant, or empty if the case has no grant with this id
     */
    public Optional<ContactReveal> revoke(String trackingNumber, long id, String revokedBy) {
        Optional<ContactReveal> reveal = reveals.findById(id).filter(r -> r.getTrackingNumber().equals(trackingNumber));
        reveal.ifPresent(r -> {
            if (r.isActive()) {
                r.revoke(revokedBy, clock.instant());
                log.info("Contact reveal {} of {} revoked by {}", id, trackingNumber, revokedBy);
            }
        });
        return reveal;
    }
}
