package org.opensupervision.privacy;

import org.opensupervision.access.StaffGroups;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.opensupervision.department.Department;
import org.opensupervision.department.DepartmentDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may see a complainant's name, phone and e-mail: the supervision office and the Camunda administrators always;
 * anybody else (a department's handlers) only through an active {@link ContactReveal} of that case, and every such
 * view is recorded.
 */
@Service
public class ContactVisibility {

    /** Authorities that always see contact data. */
    static final Set<String> OFFICE_AUTHORITIES = Set.of(StaffGroups.authority(StaffGroups.SUPERVISION_OFFICE),
            StaffGroups.authority(StaffGroups.ADMINISTRATORS));

    /** Where revealed data was seen. */
    public enum Channel { API, PAGE }

    /** Whether, and why, contact data may be shown. */
    public enum Access {
        /** The supervision office (or an administrator): always. */
        OFFICE,
        /** A reveal of this case covers the user. */
        REVEALED,
        /** Withheld. */
        WITHHELD;

        public boolean visible() {
            return this != WITHHELD;
        }
    }

    private final ContactRevealRepository reveals;
    private final ContactRevealViewRepository views;
    private final DepartmentDirectory departments;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ContactVisibility(ContactRevealRepository reveals, ContactRevealViewRepository views,
                      DepartmentDirectory departments, ApplicationEventPublisher events, Clock clock) {
        this.reveals = reveals;
        this.views = views;
        this.departments = departments;
        this.events = events;
        this.clock = clock;
    }

    /** Whether the user belongs to the supervision office or administers the platform. */
    public boolean isSupervisionOffice(Authentication user) {
        return user != null && user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(OFFICE_AUTHORITIES::contains);
    }

    /**
     * Whether the user may see the contact data of this case; a view through a reveal is recorded (the caller shows
     * the data when the answer is visible).
     */
    @Transactional
    public Access access(Authentication user, String trackingNumber, Channel channel) {
        if (isSupervisionOffice(user)) {
            return Access.OFFICE;
        }
        if (user == null) {
            return Access.WITHHELD;
        }
        Optional<ContactReveal> reveal = reveals.findByTrackingNumberAndRevokedAtIsNullOrderByIdAsc(trackingNumber)
                .stream().filter(r -> covers(r, user)).findFirst();
        if (reveal.isEmpty()) {
            return Access.WITHHELD;
        }
        views.save(new ContactRevealView(reveal.get(), user.getName(), channel, clock.instant()));
        events.publishEvent(new ContactRevealRecorded(trackingNumber, ContactRevealRecorded.VIEWED, user.getName(),
                reveal.get().getId(), Map.of("revealId", reveal.get().getId(), "channel", channel.name()), null));
        return Access.REVEALED;
    }

    private boolean covers(ContactReveal reveal, Authentication user) {
        if (reveal.getUserId() != null) {
            return reveal.getUserId().equals(user.getName());
        }
        String group = departments.find(reveal.getDepartmentCode()).map(Department::handlingGroup).orElse(null);
        return group != null && user.getAuthorities().stream()
                .anyMatch(a -> StaffGroups.authority(group).equals(a.getAuthority()));
    }
}
