package org.opensupervision.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.opensupervision.calendar.DeadlineDisplay;
import org.opensupervision.complaint.ComplaintFacts;
import org.opensupervision.complaint.ComplaintCategory;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.complaint.ComplaintRegistration;
import org.opensupervision.department.Department;
import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.handling.FirstFeedbackDeadlinePolicy;
import org.opensupervision.workflow.ComplaintProcess;
import org.opensupervision.workflow.ComplaintProcess.Var;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;

/**
 * Accepts complaints. The complaint row and the start of its process instance are written in one transaction that
 * ends at the process's first save point (the start event is async-after): once the complainant has the tracking
 * number, the case is on disk and a job will route it, even if the application stops right after answering.
 */
@Service
public class ComplaintIntake {

    private static final Logger log = LoggerFactory.getLogger(ComplaintIntake.class);
    static final int SUMMARY_LENGTH = 2000;

    private final ComplaintSubmissionValidator validator;
    private final ComplaintRecords records;
    private final DepartmentDirectory departments;
    private final TrackingNumbers trackingNumbers;
    private final AccessCodes accessCodes;
    private final RequestFingerprints fingerprints;
    private final FirstFeedbackDeadlinePolicy firstFeedback;
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;
    private final DeadlineDisplay display;
    private final Clock clock;

    ComplaintIntake(ComplaintSubmissionValidator validator, ComplaintRecords records, DepartmentDirectory departments,
                    TrackingNumbers trackingNumbers, AccessCodes accessCodes, RequestFingerprints fingerprints,
                    FirstFeedbackDeadlinePolicy firstFeedback, RuntimeService runtime, TransactionTemplate transaction,
                    DeadlineDisplay display, Clock clock) {
        this.validator = validator;
        this.records = records;
        this.departments = departments;
        this.trackingNumbers = trackingNumbers;
        this.accessCodes = accessCodes;
        this.fingerprints = fingerprints;
        this.firstFeedback = firstFeedback;
        this.runtime = runtime;
        this.transaction = transaction;
        this.display = display;
        this.clock = clock;
    }

    /** Checks a submission without storing anything; the errors carry localizable codes. */
    public Errors validate(ComplaintSubmission submission) {
        Errors errors = new BeanPropertyBindingResult(submission, "complaint");
        validator.validate(submission, errors);
        return errors;
    }

    /**
     * Validates and registers a complaint and starts its handling.
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
        ComplaintRecords.Registered complaint = records.register(registration, trackingNumber, submittedAt, dueAt);
        // The page's language (?lang=en, its cookie) or the API's Accept-Language: the citizen's mails follow it.
        // Outside a request (tests, the demo data) there is none: Chinese, not the JVM's default.
        LocaleContext request = LocaleContextHolder.getLocaleContext();
        records.recordMailLanguage(trackingNumber, request == null ? null : request.getLocale());
        MDC.put("trackingNumber", trackingNumber);
        try {
            ProcessInstance instance = runtime.startProcessInstanceByKey(ComplaintProcess.KEY, trackingNumber,
                    startVariables(complaint, registration, submittedAt, dueAt));
            records.attachProcessInstance(trackingNumber, instance.getId());
            log.info("Complaint {} accepted for department {} ({}), first feedback due {}", trackingNumber,
                    registration.departmentCode(), registration.category(), dueAt);
        } finally {
            MDC.remove("trackingNumber");
        }
        return new IntakeReceipt(trackingNumber, accessCodes.codeFor(trackingNumber), dueAt, true);
    }

    private Map<String, Object> startVariables(ComplaintRecords.Registered complaint, ComplaintRegistration r,
                                               Instant submittedAt, Instant dueAt) {
        Department department = departments.get(r.departmentCode());
        String description = r.description();
        String summary = description.length() <= SUMMARY_LENGTH ? description
                : description.substring(0, SUMMARY_LENGTH - 1) + "…";
        return Variables.createVariables()
                .putValue(Var.COMPLAINT_ID, complaint.complaintId())
                .putValue(Var.TRACKING_NUMBER, complaint.trackingNumber())
                .putValue(Var.DEPARTMENT_CODE, department.code())
                // Shown in the Chinese task forms and Tasklist's cards (issue 16): the Chinese names.
                .putValue(Var.DEPARTMENT_NAME, department.nameZh())
                .putValue(Var.CATEGORY, r.category().name())
                .putValue(Var.CATEGORY_LABEL, r.category().label(java.util.Locale.SIMPLIFIED_CHINESE))
                .putValue(Var.TITLE, r.title())
                .putValue(Var.COMPLAINT_SUMMARY, summary)
                .putValue(Var.APPROVAL_CASE_NUMBER, r.approvalCaseNumber())
                .putValue(Var.INCIDENT_DATE, r.incidentDate() == null ? null : r.incidentDate().toString())
                .putValue(Var.ANONYMOUS, r.anonymous())
                .putValue(Var.CITIZEN_HAS_EMAIL, r.citizenEmail() != null)
                .putValue(Var.SUBMITTED_AT, Date.from(submittedAt))
                .putValue(Var.FIRST_FEEDBACK_DUE_AT, Date.from(dueAt))
                .putValue(Var.FIRST_FEEDBACK_REMINDER_AT, Date.from(firstFeedback.reminderAt(submittedAt)))
                .putValue(Var.FIRST_FEEDBACK_DUE_DISPLAY, display.format(dueAt));
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
