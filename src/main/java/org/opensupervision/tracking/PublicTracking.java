package org.opensupervision.tracking;

import java.util.Optional;

import org.opensupervision.complaint.ComplaintFacts;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.intake.AccessCodes;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Looks a case up for its complainant: tracking number plus access code (recomputed, never stored). A wrong code and
 * an unknown number give the same empty answer; both count against the throttle.
 */
@Service
@EnableConfigurationProperties(TrackingProperties.class)
public class PublicTracking {

    private final ComplaintRecords records;
    private final AccessCodes accessCodes;
    private final AccessCodeThrottle throttle;

    PublicTracking(ComplaintRecords records, AccessCodes accessCodes, AccessCodeThrottle throttle) {
        this.records = records;
        this.accessCodes = accessCodes;
        this.throttle = throttle;
    }

    /** The outcome of a lookup. */
    public sealed interface Lookup {
        /** Too many wrong codes for this number or from this client. */
        record Throttled(long retryAfterSeconds) implements Lookup {
        }

        /** Unknown number or wrong code: deliberately indistinguishable. */
        record NotFound() implements Lookup {
        }

        /** The complainant's own case. */
        record Found(ComplaintFacts complaint) implements Lookup {
        }
    }

    /** Checks the code for the number, counting failures per number and per client address. */
    public Lookup lookup(String trackingNumber, String accessCode, String clientAddress) {
        String number = trackingNumber == null ? "" : trackingNumber.trim().toUpperCase();
        if (throttle.blocked(number, clientAddress)) {
            return new Lookup.Throttled(throttle.retryAfterSeconds());
        }
        Optional<ComplaintFacts> complaint = records.find(number);
        // The code is checked even for an unknown number, so both answers take the same time.
        boolean codeMatches = accessCodes.matches(number, accessCode);
        if (complaint.isEmpty() || !codeMatches) {
            throttle.recordFailure(number, clientAddress);
            return new Lookup.NotFound();
        }
        return new Lookup.Found(complaint.get());
    }
}
