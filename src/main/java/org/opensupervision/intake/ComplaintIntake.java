package org.opensupervision.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.opensupervision.complaint.ComplaintFacts;
import org.opensupervision.complaint.ComplaintCategory;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.complaint.ComplaintRegistration;
import org.opensupervision.handling.FirstFeedbackDeadlinePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;

/**
 * Accepts complaints. The request's transaction stores the complaint and commits before the complainant gets the
 * tracking number: an accepted complaint is on disk. Its process is started right after the commit, with many others
 * in one transaction, by {@link PendingComplaintStarts}, whose sweep also finds a complaint a crash left unstarted.
 */
@Service
public class ComplaintIntake {

    private static final Logger log = LoggerFactory.getLogger(ComplaintIntake.class);

    private final ComplaintSubmissionValidator validator;
    private final ComplaintRecords records;
    private final TrackingNumbers trackingNumbers;
    private final AccessCodes accessCodes;
    private final RequestFingerprints fingerprints;
    private final FirstFeedbackDeadlinePolicy firstFeedback;
    private final TransactionTemplate transaction;
    private final TransactionSynchronization startsAfterCommit;
    private final Clock clock;

    ComplaintIntake(ComplaintSubmissionValidator validator, ComplaintRecords records,
                    TrackingNumbers trackingNumbers, AccessCodes accessCodes, RequestFingerprints fingerprints,
                    FirstFeedbackDeadlinePolicy firstFeedback, TransactionTemplate transaction,
                    PendingComplaintStarts starts, Clock clock) {
        this.validator = validator;
        this.records = records;
        this.trackingNumbers = trackingNumbers;
        this.accessCodes = accessCodes;
        this.fingerprints = fingerprints;
        this.firstFeedback = firstFeedback;
        this.transaction = transaction;
        this.startsAfterCommit = new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                starts.signal();
            }
        };
        this.clock = clock;
    }

    /** Checks a submission without storing anything; the errors carry localizable codes. */
    public Errors validate(ComplaintSubmission submission) {
        Errors errors = new BeanPropertyBindingResult(submission, "complaint");
        validator.validate(submission, errors);
        return errors;
    }

    /**
     * Validates and registers a complaint; its handling starts right after the commit.
     *
     * @param idempotencyKey optional; a retry with the same key and the same complaint returns the first receipt
     * @throws InvalidComplaintException     if a field is invalid (nothing is stored)
     * @throws IdempotencyKeyReusedException if the key came before with a different complaint
     */
    public IntakeReceipt submit(ComplaintSubmission submission, String idempotencyKey) {
        return submit(submission, idempotencyKey, null);
    }

    /**
     * {@link #submit(ComplaintSubmission, String)} for a complaint received earlier than it is entered (a letter, a
     * call, the demo data's cases): its deadlines run from {@code receivedAt}, so a first feedback already past due is
     * breached by the engine's own timer as soon as the case is routed. Never in the future.
     *
     * @throws IllegalArgumentException if {@code receivedAt} lies in the future
     */
    public IntakeReceipt submitReceivedAt(ComplaintSubmission submission, String idempotencyKey, Instant receivedAt) {
        if (receivedAt.isAfter(clock.instant())) {
            throw new IllegalArgumentException("A complaint cannot be received in the future: " + receivedAt);
        }
        return submit(submission, idempotencyKey, receivedAt);
    }

    private IntakeReceipt submit(ComplaintSubmission submission, String idempotencyKey, Instant receivedAt) {
        Errors errors = validate(submission);
        if (errors.hasErrors()) {
            throw new InvalidComplaintException(errors);
        }
        ComplaintRegistration registration = normalize(submission, idempotencyKey);
        try {
            // Nearly every submission is new: insert straight away and let the unique keys catch the rest.
            return transaction.execute(tx -> register(registration, trackingNumbers.next(), receivedAt));
        } catch (DataIntegrityViolationException ex) {
            // The idempotency key came before (a retry, or a concurrent request that won the race), or, very rarely,
            // the random tracking number was taken: nothing was stored; look up the earlier complaint this time.
            return transaction.execute(tx -> replayOrRegister(registration, receivedAt));
        }
    }

    private IntakeReceipt replayOrRegister(ComplaintRegistration registration, Instant receivedAt) {
        if (registration.idempotencyKey() != null) {
            var earlier = records.findByIdempotencyKey(registration.idempotencyKey());
            if (earlier.isPresent()) {
                return replay(earlier.get(), registration);
            }
        }
        return register(registration, freshTrackingNumber(), receivedAt);
    }

    private IntakeReceipt replay(ComplaintRecords.EarlierSubmission earlier, ComplaintRegistration registration) {
        if (!earlier.requestFingerprint().equals(registration.requestFingerprint())) {
            throw new IdempotencyKeyReusedException(registration.idempotencyKey());
        }
        ComplaintFacts complaint = earlier.complaint();
        log.info("Idempotent retry answered with complaint {}", complaint.trackingNumber());
        return new IntakeReceipt(complaint.trackingNumber(), accessCodes.codeFor(complaint.trackingNumber()),
                complaint.firstFeedbackDueAt(), false);
    }

    private IntakeReceipt register(ComplaintRegistration registration, String trackingNumber, Instant receivedAt) {
        Instant submittedAt = receivedAt == null ? clock.instant() : receivedAt;
        Instant dueAt = firstFeedback.dueAt(submittedAt);
        // The page's language (?lang=en, its cookie) or the API's Accept-Language: the citizen's mails follow it.
        // Outside a request (tests, the demo data) there is none: Chinese, not the JVM's default.
        LocaleContext request = LocaleContextHolder.getLocaleContext();
        records.register(registration, trackingNumber, submittedAt, dueAt,
                request == null ? null : request.getLocale());
        TransactionSynchronizationManager.registerSynchronization(startsAfterCommit);
        MDC.put("trackingNumber", trackingNumber);
        try {
            log.info("Complaint {} accepted for department {} ({}), first feedback due {}", trackingNumber,
                    registration.departmentCode(), registration.category(), dueAt);
        } finally {
            MDC.remove("trackingNumber");
        }
        return new IntakeReceipt(trackingNumber, accessCodes.codeFor(trackingNumber), dueAt, true);
    }

    /** A tracking number checked against the table: for the second attempt, after a clash. */
    private String freshTrackingNumber() {
        String candidate = trackingNumbers.next();
        while (records.trackingNumberTaken(candidate)) {
            candidate = trackingNumbers.next();
        }
        return candidate;
    }

    private ComplaintRegistration normalize(ComplaintSubmission s, String idempotencyKey) {
        ComplaintSubmission.Contact c = s.getContact();
        boolean anonymous = s.isAnonymous();
        ComplaintRegistration registration = new ComplaintRegistration(s.getDepartmentCode().trim(),
                ComplaintCategory.valueOf(s.getCategory().trim()), s.getTitle().trim(), s.getDescription().trim(),
                trimToNull(s.getApprovalCaseNumber()),
                trimToNull(s.getIncidentDate()) == null ? null : LocalDate.parse(s.getIncidentDate().trim()),
                anonymous, anonymous ? null : trimToNull(c.getName()), anonymous ? null : trimToNull(c.getPhone()),
                anonymous ? null : trimToNull(c.getEmail()), trimToNull(idempotencyKey), null);
        return registration.withFingerprint(fingerprints.of(registration));
    }

    private static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
