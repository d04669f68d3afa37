package org.opensupervision.complaint;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The complaint's business state. Every change runs inside the caller's transaction (a process step or the intake
 * request), so the table and the engine never disagree.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class ComplaintRecords {

    private static final Logger log = LoggerFactory.getLogger(ComplaintRecords.class);

    private final ComplaintRepository complaints;
    private final DeadlineBreachRepository breaches;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ComplaintListQueries lists;
    private final EntityManager entityManager;

    ComplaintRecords(ComplaintRepository complaints, DeadlineBreachRepository breaches, Clock clock,
                     ApplicationEventPublisher events, ComplaintListQueries lists, EntityManager entityManager) {
        this.complaints = complaints;
        this.entityManager = entityManager;
        this.lists = lists;
        this.breaches = breaches;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Stores a new complaint with its tracking number, first-feedback deadline and the language the complainant filed
     * in, for the mails to him (issue 16): one insert, no update after it.
     *
     * @param filedIn the page's or the API's locale; null outside a request (tests, the demo data): Chinese
     * @return the complaint's id (the process keeps it as a variable) and tracking number
     */
    public Registered register(ComplaintRegistration registration, String trackingNumber, Instant submittedAt,
                               Instant firstFeedbackDueAt, java.util.Locale filedIn) {
        Complaint complaint = new Complaint(registration, trackingNumber, submittedAt, firstFeedbackDueAt);
        complaint.recordMailLanguage(filedIn != null && "en".equals(filedIn.getLanguage()) ? "en" : "zh-CN");
        Complaint stored = complaints.saveAndFlush(complaint);
        return new Registered(stored.getId(), stored.getTrackingNumber());
    }

    /** A complaint just stored: its id and tracking number. */
    public record Registered(Long complaintId, String trackingNumber) {
    }

    /**
     * Links a complaint to the process instance that handles it, in the transaction that {@linkplain
     * #lockPendingStarts locked} it (found by natural id, so no query: the locked entity is in the persistence
     * context).
     */
    public void attachProcessInstance(String trackingNumber, String processInstanceId) {
        get(trackingNumber).attachProcessInstance(processInstanceId);
    }

    /**
     * Locks up to {@code limit} complaints whose process has not been started yet, oldest first, skipping those
     * another transaction holds; they stay locked until this transaction ends, which should start their processes
     * and {@link #attachProcessInstance attach} them.
     */
    public List<PendingStart> lockPendingStarts(int limit) {
        return complaints.lockPendingStarts(Limit.of(limit)).stream().map(ComplaintRecords::pendingStart).toList();
    }

    /** {@link #lockPendingStarts} for one complaint; empty when it has its process or another transaction holds it. */
    public Optional<PendingStart> lockPendingStart(long complaintId) {
        return complaints.lockPendingStart(complaintId).map(ComplaintRecords::pendingStart);
    }

    /**
     * A complaint registered and waiting for its process: its id and facts, from which the process's start variables
     * are built (the contact data stay with the privacy module).
     */
    public record PendingStart(long complaintId, ComplaintFacts facts) {
    }

    private static PendingStart pendingStart(Complaint c) {
        return new PendingStart(c.getId(), c.facts());
    }

    /** The complaint with this tracking number, if any. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Optional<ComplaintFacts> find(String trackingNumber) {
        return load(trackingNumber).map(Complaint::facts);
    }

    /**
     * The complaint submitted earlier with this idempotency key, if any, with the fingerprint of the request that
     * submitted it (the intake compares it with a retry's).
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Optional<EarlierSubmission> findByIdempotencyKey(String idempotencyKey) {
        return complaints.findByIdempotencyKey(idempotencyKey)
                .map(c -> new EarlierSubmission(c.facts(), c.getRequestFingerprint()));
    }

    /** A complaint found by its idempotency key, and the fingerprint of the request that submitted it. */
    public record EarlierSubmission(ComplaintFacts complaint, String requestFingerprint) {
    }

    /** Whether a tracking number is taken. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public boolean trackingNumberTaken(String trackingNumber) {
        return complaints.existsByTrackingNumber(trackingNumber);
    }

    /**
     * Complaints matching the query, one page, among those a staff user may see.
     *
     * @param visibleDepartments the departments whose cases (by the department handling them now) may be listed;
     *                           {@code null} for every case
     * @param alsoVisible        further cases that may be listed whatever their department (e.g. escalated ones)
     * @param countLimit         the count stops here: above it the page says its total is capped
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public ListPage<ComplaintFacts> search(ComplaintQuery query, Set<String> visibleDepartments,
                                           Set<String> alsoVisible, Pageable page, int countLimit) {
        return lists.page(ComplaintSpecifications.matching(query, clock.instant())
                .and(ComplaintSpecifications.visible(visibleDepartments, alsoVisible)), page, countLimit)
                .map(Complaint::facts);
    }

    /** The deadline breaches of one complaint, oldest first; none for an unknown tracking number. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<BreachFacts> breachesOf(String trackingNumber) {
        return load(trackingNumber).map(c -> breaches.findByComplaintIdOrderByRecordedAt(c.getId()).stream()
                .map(DeadlineBreach::facts).toList()).orElse(List.of());
    }

    /** The complaints closed in {@code [from, to)}, oldest first (spot checks draw their sample from these). */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<ComplaintFacts> closedBetween(Instant from, Instant to) {
        return complaints.findByClosedAtGreaterThanEqualAndClosedAtLessThanOrderByClosedAt(from, to).stream()
                .map(Complaint::facts).toList();
    }

    /** How many breaches of this kind were recorded against the department since {@code since}. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public long countBreaches(String departmentCode, BreachKind kind, Instant since) {
        return breaches.countByDepartmentCodeAndKindAndRecordedAtGreaterThanEqual(departmentCode, kind, since);
    }

    /**
     * The case was routed to the department that will handle it: the handling clock starts now, whatever the first
     * feedback does.
     */
    public void recordRouting(String trackingNumber, String handlingDepartmentCode, String handlingGroup,
                              int priority, Instant handlingDueAt) {
        Complaint complaint = get(trackingNumber);
        complaint.route(handlingDepartmentCode, handlingGroup, priority, clock.instant());
        complaint.startHandlingClock(handlingDueAt);
    }

    /** The supervision office moved the case to another department; deadlines are kept. */
    public void recordRedirect(String trackingNumber, String handlingDepartmentCode, String handlingGroup,
                               int priority) {
        get(trackingNumber).redirect(handlingDepartmentCode, handlingGroup, priority, clock.instant());
    }

    /** The department gave its first feedback. */
    public void recordFirstFeedback(String trackingNumber, String text) {
        get(trackingNumber).giveFirstFeedback(text, clock.instant());
    }

    /**
     * The 24-hour first-feedback deadline passed unmet: recorded once per case, against the department holding the
     * case now.
     *
     * @param trackingNumber the case's tracking number, its process's business key: the breach step reads no
     *                       variable, so the engine loads none of the instance's (the mail step after it finds the
     *                       complaint in the persistence context)
     * @return whether this is a new breach (false if it was recorded before, e.g. before a redirect)
     */
    public boolean recordFirstFeedbackBreach(String trackingNumber) {
        Complaint complaint = get(trackingNumber);
        if (!complaint.markFirstFeedbackBreached(clock.instant())) {
            return false;
        }
        // The complaint's own mark is the guard (a case has one first-feedback deadline): no look-up of the row.
        storeBreach(complaint, BreachKind.FIRST_FEEDBACK, complaint.getFirstFeedbackDueAt());
        return true;
    }

    /** Handling started after the first feedback; its deadline was set at routing. */
    public void openHandling(String trackingNumber) {
        get(trackingNumber).openHandling(clock.instant());
    }

    /** The department asked for more time. */
    public void recordExtensionRequest(String trackingNumber, int workingDays, String reason) {
        get(trackingNumber).requestExtension(workingDays, reason, clock.instant());
    }

    /** The supervision office decided on the extension. */
    public void recordExtensionDecision(String trackingNumber, boolean approved) {
        get(trackingNumber).decideExtension(approved, clock.instant());
    }

    /** The handling deadline moved: an approved extension, or the deadline of a rework returned after it passed. */
    public void extendHandlingDeadline(String trackingNumber, Instant newDueAt) {
        get(trackingNumber).extendHandlingDeadline(newDueAt);
    }

    /**
     * The handling deadline passed unmet.
     *
     * @return whether this is a new breach (false when this very deadline was recorded before, e.g. when a case
     * returned for rework re-enters handling after its deadline)
     */
    public boolean recordHandlingBreach(String trackingNumber) {
        Complaint complaint = get(trackingNumber);
        complaint.markHandlingBreached(clock.instant());
        return recordBreach(complaint, BreachKind.HANDLING, complaint.getHandlingDueAt());
    }

    /** The supervision office sent the 督办 notice on a handling breach; the department must act by {@code dueAt}. */
    public void recordSupervisionNotice(String trackingNumber, Instant dueAt) {
        get(trackingNumber).sendSupervisionNotice(clock.instant(), dueAt);
    }

    /** The notice was ignored: the department's head was told (通报); the department must act by {@code dueAt}. */
    public void recordPublicCriticism(String trackingNumber, Instant dueAt) {
        get(trackingNumber).criticize(clock.instant(), dueAt);
    }

    /** The criticism was ignored too: the case went to the supervision rules (执纪问责). */
    public void recordReferralToRules(String trackingNumber) {
        get(trackingNumber).referToRules(clock.instant());
    }

    /** The department submitted its reply. */
    public void recordReply(String trackingNumber, String text) {
        get(trackingNumber).reply(text, clock.instant());
    }

    /**
     * The supervision office returned the reply for rework.
     *
     * @return how many times the case has been returned
     */
    public int recordRework(String trackingNumber) {
        return get(trackingNumber).returnForRework();
    }

    /** The reply was approved: the case is closed. */
    public void close(String trackingNumber) {
        get(trackingNumber).close(clock.instant());
    }

    /** The supervision office rejected the complaint as out of scope. */
    public void reject(String trackingNumber, String reason) {
        get(trackingNumber).reject(reason, clock.instant());
    }

    private boolean recordBreach(Complaint complaint, BreachKind kind, Instant dueAt) {
        if (breaches.existsByComplaintIdAndKindAndDueAt(complaint.getId(), kind, dueAt)) {
            log.info("{} breach of {} (due {}) was recorded before", kind, complaint.getTrackingNumber(), dueAt);
            return false;
        }
        storeBreach(complaint, kind, dueAt);
        return true;
    }

    private void storeBreach(Complaint complaint, BreachKind kind, Instant dueAt) {
        Instant now = clock.instant();
        breaches.save(new DeadlineBreach(complaint.getId(), complaint.getHandlingDepartmentCode(), kind, dueAt, now));
        events.publishEvent(new DeadlineBreachRecorded(complaint.getTrackingNumber(),
                complaint.getHandlingDepartmentCode(), complaint.getCategory(), kind, dueAt, now));
        log.warn("{} deadline {} of {} missed by department {}", kind, dueAt, complaint.getTrackingNumber(),
                complaint.getHandlingDepartmentCode());
    }

    private Complaint get(String trackingNumber) {
        return load(trackingNumber).orElseThrow(() -> new IllegalStateException("No complaint " + trackingNumber));
    }

    /**
     * By natural id: when an earlier step of the same transaction loaded the complaint (a process step and the mail
     * after it), the persistence context answers without a query.
     */
    Optional<Complaint> load(String trackingNumber) {
        return entityManager.unwrap(Session.class).bySimpleNaturalId(Complaint.class).loadOptional(trackingNumber);
    }
}
