package org.opensupervision.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensupervision.IntegrationTest;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.handling.CaseDriver;
import org.opensupervision.workflow.ComplaintProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail: written with the engine step or not at all, chained per case, tamper-evident, safe under
 * concurrent appends, and append-only in the database (H2 and PostgreSQL).
 */
class AuditTrailTest extends IntegrationTest {

    static final org.springframework.test.web.servlet.request.RequestPostProcessor STAFF =
            httpBasic("supervisor", "supervisor");

    @Autowired
    AuditTrail trail;
    @Autowired
    AuditRetention retention;
    @Autowired
    AuditVerificationCommand command;
    @Autowired
    AuditAnchors anchors;
    @Autowired
    CaseDriver cases;
    @Autowired
    ComplaintRecords records;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired
    org.camunda.bpm.engine.HistoryService history;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    static boolean onPostgres() {
        return System.getProperty("spring.profiles.active", "").contains("postgres");
    }

    private static String syntheticCase() {
        return "TEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private void appendEntries(String caseKey, int count) {
        transactions.executeWithoutResult(tx -> {
            for (int i = 0; i < count; i++) {
                trail.append(AuditRecord.staffAction(caseKey, "TEST_ACTION", "supervisor", i, i + 1, "test " + i));
            }
        });
    }

    /**
     * Tampering as a database superuser would: the audit trail's triggers must be bypassed first (PostgreSQL: for the
     * transaction; H2 has no such switch, so they are dropped and put back as the migration creates them).
     */
    private void tamper(String sql, Object... args) {
        if (onPostgres()) {
            transactions.executeWithoutResult(tx -> {
                jdbc.execute("set local session_replication_role = replica");
                jdbc.update(sql, args);
            });
            return;
        }
        jdbc.execute("drop trigger audit_entry_append_only");
        jdbc.execute("drop trigger audit_chain_head_forward_only");
        try {
            jdbc.update(sql, args);
        } finally {
            h2TriggerStatements().forEach(jdbc::execute);
        }
    }

    private static List<String> h2TriggerStatements() {
        try {
            String script = new org.springframework.core.io.ClassPathResource(
                    "db/migration-h2/V8_5__protect_audit_chain_head.sql").getContentAsString(StandardCharsets.UTF_8);
            String withoutComments = script.lines().filter(line -> !line.startsWith("--"))
                    .collect(java.util.stream.Collectors.joining("\n"));
            return java.util.Arrays.stream(withoutComments.split(";")).map(String::strip)
                    .filter(st -> st.startsWith("create trigger")).toList();
        } catch (java.io.IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Test
    void aStepThatRollsBackLeavesNoEntryAndACommittedOneDoes() {
        String[] rolledBack = new String[1];
        transactions.executeWithoutResult(tx -> {
            rolledBack[0] = cases.file(CaseDriver.submission("GD-AMR", "ATTITUDE", "a@example.com"));
            assertThat(records.find(rolledBack[0])).isPresent();
            tx.setRollbackOnly();
        });
        assertThat(records.find(rolledBack[0])).isEmpty();
        assertThat(trail.entriesOf(rolledBack[0])).isEmpty();

        String committed = cases.file(CaseDriver.submission("GD-AMR", "ATTITUDE", "a@example.com"));
        List<AuditEntry> entries = trail.entriesOf(committed);
        // The starter's step (intake.PendingComplaintStarts): the process started after its start event, its start
        // variables (one entry), and the routing, in one transaction.
        assertThat(entries).extracting(AuditEntry::kind).startsWith("PROCESS_STARTED", "VARIABLES_SET")
                .contains("TASK_CREATED").doesNotContain("DECISION_EVALUATED", "TASK_CANDIDATES_CHANGED");
        assertThat(entries).extracting(AuditEntry::sequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, entries.size()).boxed().toList());
        assertThat(entries).filteredOn(e -> ComplaintProcess.START_EVENT.equals(e.element())).isEmpty();
        assertThat(entries.get(1).detail()).contains("\"trackingNumber\":\"" + committed + "\"",
                "\"departmentCode\":\"GD-AMR\"", "\"anonymous\":false");
        // The routing table is evaluated in Java, so no engine decision event: the step and the rule that routed the
        // case are told by the activity and the step's variables.
        assertThat(entries).filteredOn(e -> "Task_RouteComplaint".equals(e.element()))
                .extracting(AuditEntry::kind).containsExactly("ACTIVITY_EXECUTED");
        assertThat(entries).filteredOn(e -> "VARIABLES_SET".equals(e.kind())).anySatisfy(e ->
                assertThat(e.detail()).containsPattern("\"routingRule\":\"complaint-routing v\\d+ Rule_Default\""));
        assertThat(entries).filteredOn(e -> "Task_Triage".equals(e.element())).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("\"candidates\":[\"supervision-office\"]", "\"due\""));
        assertThat(trail.verify(committed).intact()).isTrue();
    }

    @Test
    void theVariablesOfOneStepAreOneEntryAndAnUnchangedValueIsNoNewFact() {
        String tn = cases.fileAndRoute("GD-AMR", "ATTITUDE", "a@example.com");
        String processInstanceId = cases.processInstanceId(tn);
        int before = trail.entriesOf(tn).size();

        runtime.setVariables(processInstanceId, Map.of("category", "ATTITUDE", "priority", 50));
        assertThat(trail.entriesOf(tn)).as("the same values written again").hasSize(before);
        runtime.setVariables(processInstanceId, Map.of("title", "营业执照变更逾期未办（补充）"));
        assertThat(trail.entriesOf(tn)).as("a display copy of the complaint's title").hasSize(before);

        Map<String, Object> changed = new java.util.LinkedHashMap<>();
        changed.put("category", "INACTION");
        changed.put("priority", 50);
        changed.put("callbackNote", "张三说电话 13800138000");
        runtime.setVariables(processInstanceId, changed);
        List<AuditEntry> after = trail.entriesOf(tn);
        assertThat(after).hasSize(before + 1);
        AuditEntry step = after.get(after.size() - 1);
        assertThat(step.kind()).isEqualTo("VARIABLES_SET");
        assertThat(step.detail()).isEqualTo("{\"category\":\"INACTION\",\"callbackNote\":\"[redacted]\"}");
        assertThat(trail.verify(tn).intact()).isTrue();
    }

    @Test
    void camundaKeepsNoVariableTheTrailHasEveryValue() {
        String tn = cases.fileAndRoute("GD-AMR", "ATTITUDE", "a@example.com");
        String processInstanceId = cases.processInstanceId(tn);

        assertThat(engineConfiguration().getHistoryLevel().getName()).isEqualTo("full-without-variable-details");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).count())
                .isZero();
        assertThat(history.createHistoricDetailQuery().processInstanceId(processInstanceId).count()).isZero();
        assertThat(runtime.getVariable(processInstanceId, "trackingNumber")).isEqualTo(tn);
        assertThat(trail.entriesOf(tn)).filteredOn(e -> "VARIABLES_SET".equals(e.kind()))
                .anySatisfy(e -> assertThat(e.detail()).contains("\"trackingNumber\":\"" + tn + "\""));
        // Tasks stay in Camunda's history (the REST history and the demo data read them). The routing decision writes
        // no decision instance: its table is evaluated in Java, the rule that decided is the variable routingRule.
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).count())
                .isPositive();
        assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(processInstanceId).count())
                .isZero();
    }

    @Test
    void camundasHistoryLeavesOutWhatNoViewReadsButTheTrailSeesIt() {
        String tn = cases.fileAndRoute("GD-AMR", "ATTITUDE", "a@example.com");
        String processInstanceId = cases.processInstanceId(tn);

        // The forms' copy of the title: in the runtime (Tasklist) only; the complaint keeps the title, so neither
        // Camunda's history nor the trail repeats it. A value the forms do not merely show is in the trail.
        assertThat(runtime.getVariable(processInstanceId, "title")).isNotNull();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName("title").count()).isZero();
        assertThat(trail.entriesOf(tn)).extracting(e -> String.valueOf(e.detail()))
                .noneMatch(detail -> detail.contains("\"title\":"))
                .anyMatch(detail -> detail.contains("\"category\":\"ATTITUDE\""));
        // The routing went through the parallel gateway; no activity instance of it is kept.
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .activityId("Gateway_TriageAndFirstFeedback").count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .activityId("Task_RouteComplaint").count()).isEqualTo(1);
        // The trail names each activity by element id and name; its type is the deployed model's.
        assertThat(trail.entriesOf(tn)).filteredOn(e -> "Task_RecordRouting".equals(e.element())).singleElement()
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo("ACTIVITY_EXECUTED");
                    assertThat(e.detail()).isEqualTo("{\"name\":\"记录分派\"}");
                });
        // Triage waits at a user task: its task row is kept, its activity instance and candidate log are not.
        String triage = history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey("Task_Triage").singleResult().getId();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .activityId("Task_Triage").count()).isZero();
        assertThat(history.createHistoricIdentityLinkLogQuery().taskId(triage).count()).isZero();
        assertThat(trail.entriesOf(tn)).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("TASK_CREATED");
            assertThat(e.detail()).contains("candidates");
        });
        // The job log keeps failures only: the triage reminder's timer (20 hours in) fires, which the trail records.
        cases.advance(tn, java.time.Duration.ofHours(21));
        assertThat(trail.entriesOf(tn)).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("TIMER_FIRED");
            assertThat(e.element()).isEqualTo("Task_Triage");
        });
        assertThat(history.createHistoricJobLogQuery().processInstanceId(processInstanceId).count()).isZero();
    }

    @Test
    void aBoundaryTimerThatFiresIsOneEntryAndTheStepsItStartedFollow() {
        String tn = cases.fileAndRoute("GD-AMR", "ATTITUDE", "a@example.com");

        cases.advance(tn, java.time.Duration.ofHours(25));

        List<AuditEntry> entries = trail.entriesOf(tn);
        assertThat(entries).filteredOn(e -> "BoundaryEvent_FirstFeedbackBreach".equals(e.element())).singleElement()
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo("TIMER_FIRED");
                    assertThat(e.detail()).contains("首次反馈超时", "timer-transition");
                });
        List<String> elements = entries.stream().map(AuditEntry::element).toList();
        assertThat(elements).containsSubsequence("BoundaryEvent_FirstFeedbackBreach", "Task_RecordFirstFeedbackBreach",
                "Task_NotifySupervisionOfFirstFeedbackBreach", "EndEvent_FirstFeedbackBreachReported");
        assertThat(trail.verify(tn).intact()).isTrue();
    }

    private org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl engineConfiguration() {
        return (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    @Test
    void entriesHoldNoContactData() {
        String trackingNumber = cases.fileAndRoute("GD-AMR", "ATTITUDE", "secret.person@example.com");
        assertThat(trail.entriesOf(trackingNumber)).isNotEmpty().allSatisfy(e -> assertThat(
                String.join("|", String.valueOf(e.detail()), String.valueOf(e.element()), String.valueOf(e.reason())))
                .doesNotContain("secret.person", "张三", "13800138000"));
    }

    @Test
    void anEditedEntryIsTheFirstBrokenLink() {
        String caseKey = syntheticCase();
        appendEntries(caseKey, 4);
        assertThat(trail.verify(caseKey)).isEqualTo(ChainVerification.ok(caseKey, 4));

        tamper("update audit_entry set reason = 'nothing happened' where case_key = ? and seq = 2", caseKey);

        ChainVerification result = trail.verify(caseKey);
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSequence()).isEqualTo(2L);
        assertThat(result.problem()).isEqualTo("HASH_MISMATCH");
    }

    @Test
    void aRewrittenHashIsTheFirstBrokenLink() {
        String caseKey = syntheticCase();
        appendEntries(caseKey, 4);
        List<AuditEntry> entries = trail.entriesOf(caseKey);
        assertThat(entries.get(2).previousHash()).isEqualTo(entries.get(1).hash());

        tamper("update audit_entry set hash = ? where case_key = ? and seq = 2", new byte[32], caseKey);

        assertThat(trail.verify(caseKey)).isEqualTo(ChainVerification.broken(caseKey, 4, 2, "HASH_MISMATCH"));
    }

    @Test
    void aDeletedEntryIsTheFirstBrokenLink() {
        String caseKey = syntheticCase();
        appendEntries(caseKey, 4);

        tamper("delete from audit_entry where case_key = ? and seq = 3", caseKey);

        assertThat(trail.verify(caseKey)).isEqualTo(ChainVerification.broken(caseKey, 3, 3, "SEQUENCE_GAP"));
    }

    @Test
    void aDeletedLastEntryIsFoundThroughTheChainHead() {
        String caseKey = syntheticCase();
        appendEntries(caseKey, 4);

        tamper("delete from audit_entry where case_key = ? and seq = 4", caseKey);

        assertThat(trail.verify(caseKey)).isEqualTo(ChainVerification.broken(caseKey, 3, 4, "HEAD_MISMATCH"));
    }

    @Test
    void anInsertedEntryIsTheFirstBrokenLink() throws Exception {
        String caseKey = syntheticCase();
        appendEntries(caseKey, 3);
        AuditEntry last = trail.entriesOf(caseKey).get(2);
        // A forger who knows the format but not the chain key: a plain SHA-256 over the same fields.
        String forged = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest((caseKey + 4 + last.hash()).getBytes(StandardCharsets.UTF_8)));
        tamper("insert into audit_entry (seq, case_key, occurred_at, retain_until, kind, source, actor, hash) "
                + "values (4, ?, ?, ?, 'APPEAL_DECIDED', 'STAFF', 'supervisor', ?)", caseKey,
                last.occurredAt().atOffset(java.time.ZoneOffset.UTC),
                last.retainUntil().atOffset(java.time.ZoneOffset.UTC), HexFormat.of().parseHex(forged));
        tamper("update audit_chain_head set last_seq = 4, last_hash = ? where case_key = ?", forged, caseKey);

        assertThat(trail.verify(caseKey)).isEqualTo(ChainVerification.broken(caseKey, 4, 4, "HASH_MISMATCH"));
    }

    /**
     * A second entry under a sequence already written: H2 refuses it (its unique key on case and sequence); PostgreSQL
     * keeps only an index on the case (V12_1_3), and verification names the repeated sequence or the forged entry.
     */
    @Test
    void aRepeatedSequenceIsABrokenLinkOrRefused() {
        String caseKey = syntheticCase();
        appendEntries(caseKey, 4);
        AuditEntry second = trail.entriesOf(caseKey).get(1);
        String insert = "insert into audit_entry (seq, case_key, occurred_at, retain_until, kind, source, actor, reason, "
                + "hash) values (2, ?, ?, ?, 'TEST_ACTION', 'STAFF', 'supervisor', 'nothing happened', ?)";
        Object[] values = {caseKey, second.occurredAt().atOffset(java.time.ZoneOffset.UTC),
                second.retainUntil().atOffset(java.time.ZoneOffset.UTC), HexFormat.of().parseHex(second.hash())};
        if (!onPostgres()) {
            assertThatThrownBy(() -> tamper(insert, values))
                    .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
            assertThat(trail.verify(caseKey)).isEqualTo(ChainVerification.ok(caseKey, 4));
            return;
        }
        // Not even a superuser is needed: the append-only trigger lets inserts through.
        jdbc.update(insert, values);

        ChainVerification result = trail.verify(caseKey);
        assertThat(result.intact()).isFalse();
        // Of the two entries numbered 2, whichever is read first stands at 2 and the other where 3 should be.
        assertThat(result.firstBrokenSequence()).isIn(2L, 3L);
        assertThat(result.problem()).isIn("HASH_MISMATCH", "SEQUENCE_GAP");
    }

    @Test
    void concurrentAppendsToOneCaseDoNotForkTheChain() throws Exception {
        String caseKey = syntheticCase();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                writers.add(() -> {
                    for (int i = 0; i < 10; i++) {
                        appendEntries(caseKey, 2);
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(writers)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        List<AuditEntry> entries = trail.entriesOf(caseKey);
        assertThat(entries).hasSize(80);
        assertThat(entries).extracting(AuditEntry::previousHash).doesNotHaveDuplicates();
        assertThat(trail.verify(caseKey).intact()).isTrue();
    }

    @Test
    void theDatabaseRefusesUpdateAndDeleteOfAuditEntries() {
        String caseKey = syntheticCase();
        appendEntries(caseKey, 2);

        assertThatThrownBy(() -> jdbc.update("update audit_entry set reason = 'x' where case_key = ?", caseKey))
                .rootCause().hasMessageContaining("audit_entry is append-only: UPDATE refused");
        assertThatThrownBy(() -> jdbc.update("delete from audit_entry where case_key = ?", caseKey))
                .rootCause().hasMessageContaining("audit_entry is append-only: DELETE refused");
        // H2 fires no trigger on TRUNCATE: it refuses it because a (guard) foreign key references the table.
        assertThatThrownBy(() -> jdbc.execute("truncate table audit_entry"))
                .rootCause().message().containsAnyOf("TRUNCATE refused", "Cannot truncate");
        assertThat(trail.verify(caseKey)).isEqualTo(ChainVerification.ok(caseKey, 2));
    }

    /**
     * Deleting the last entries and setting the head back to the new end would leave a shorter chain that verifies:
     * the database refuses to move a head backwards, to an entry that does not exist, or away while entries remain.
     */
    @Test
    void theDatabaseLetsAChainHeadMoveOnlyForwardToAWrittenEntry() {
        String caseKey = syntheticCase();
        appendEntries(caseKey, 3);
        AuditEntry second = trail.entriesOf(caseKey).get(1);

        assertThatThrownBy(() -> jdbc.update("update audit_chain_head set last_seq = 2, last_hash = ? "
                + "where case_key = ?", second.hash(), caseKey))
                .rootCause().hasMessageContaining("audit_chain_head moves only forward: UPDATE refused");
        assertThatThrownBy(() -> jdbc.update("update audit_chain_head set last_seq = 4, last_hash = ? "
                + "where case_key = ?", "f".repeat(64), caseKey))
                .rootCause().hasMessageContaining("audit_chain_head moves only forward: UPDATE refused");
        assertThatThrownBy(() -> jdbc.update("update audit_chain_head set case_key = 'ELSEWHERE' where case_key = ?",
                caseKey)).rootCause().hasMessageContaining("audit_chain_head moves only forward: UPDATE refused");
        assertThatThrownBy(() -> jdbc.update("delete from audit_chain_head where case_key = ?", caseKey))
                .rootCause().hasMessageContaining("audit_chain_head moves only forward: DELETE refused");
        assertThatThrownBy(() -> jdbc.update("insert into audit_chain_head (case_key, last_seq, last_hash) "
                + "values (?, 7, ?)", syntheticCase(), second.hash()))
                .rootCause().hasMessageContaining("audit_chain_head moves only forward: INSERT refused");
        assertThatThrownBy(() -> jdbc.execute("truncate table audit_chain_head"))
                .rootCause().message().containsAnyOf("TRUNCATE refused", "Cannot truncate");

        appendEntries(caseKey, 2);
        assertThat(trail.verify(caseKey)).isEqualTo(ChainVerification.ok(caseKey, 5));
    }

    /**
     * A database superuser deletes the last entries of a chain and sets its head back: the shorter chain verifies on
     * its own, but not against the daily anchor of the chain ends kept outside the database.
     */
    @Test
    void aChainEndRolledBackByASuperuserIsDetectedAgainstTheDailyAnchor(@TempDir Path anchorDirectory)
            throws Exception {
        String caseKey = syntheticCase();
        appendEntries(caseKey, 4);
        AuditEntry second = trail.entriesOf(caseKey).get(1);
        Path anchor = anchors.write(anchorDirectory);
        assertThat(Files.readString(anchor)).contains(caseKey + " 4 " + trail.entriesOf(caseKey).get(3).hash());
        appendEntries(caseKey, 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(command.verify(caseKey, new PrintStream(out, true, StandardCharsets.UTF_8),
                Optional.of(anchorDirectory))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(caseKey + " OK (5 entries)",
                "1 chain end(s) checked, 0 rolled back");

        tamper("delete from audit_entry where case_key = ? and seq > 2", caseKey);
        tamper("update audit_chain_head set last_seq = 2, last_hash = ? where case_key = ?", second.hash(), caseKey);

        assertThat(trail.verify(caseKey)).isEqualTo(ChainVerification.ok(caseKey, 2));
        out.reset();
        assertThat(command.verify("all", new PrintStream(out, true, StandardCharsets.UTF_8),
                Optional.of(anchorDirectory))).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(caseKey + " BROKEN at #4: ANCHOR_MISMATCH");
    }

    @Test
    void anAnchorAlteredAfterItWasWrittenFailsItsSignature(@TempDir Path anchorDirectory) throws Exception {
        String caseKey = syntheticCase();
        appendEntries(caseKey, 3);
        Path anchor = anchors.write(anchorDirectory);
        // Whoever could roll the chain back and reach the file would make the anchor agree with the shorter chain.
        String second = trail.entriesOf(caseKey).get(1).hash();
        String third = trail.entriesOf(caseKey).get(2).hash();
        Files.writeString(anchor, Files.readString(anchor).replace(caseKey + " 3 " + third, caseKey + " 2 " + second));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(command.verify(caseKey, new PrintStream(out, true, StandardCharsets.UTF_8),
                Optional.of(anchorDirectory))).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(caseKey + " OK (3 entries)",
                anchor.getFileName() + " BROKEN: SIGNATURE");
    }

    @Test
    void entriesPastTheirRetentionAreRemovedCaseByCase() {
        String old = syntheticCase();
        CaseDriver.moveClockTo(Instant.now().minus(java.time.Duration.ofDays(11 * 366)));
        appendEntries(old, 2);
        CaseDriver.moveClockTo(Instant.now());
        String recent = syntheticCase();
        appendEntries(recent, 2);

        assertThat(retention.purgeExpired()).isGreaterThanOrEqualTo(1);

        assertThat(trail.entriesOf(old)).isEmpty();
        assertThat(trail.verify(old).intact()).isTrue();
        assertThat(trail.entriesOf(recent)).hasSize(2);
    }

    @Test
    void theCommandLineCheckNamesTheFirstBrokenLink() {
        String intact = syntheticCase();
        appendEntries(intact, 2);
        String broken = syntheticCase();
        appendEntries(broken, 3);
        tamper("update audit_entry set actor = 'someone-else' where case_key = ? and seq = 2", broken);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(command.verify(intact, new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(intact + " OK (2 entries)");

        out.reset();
        assertThat(command.verify("all", new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(broken + " BROKEN at #2: HASH_MISMATCH")
                .contains(intact + " OK (2 entries)");
    }

    @Test
    void staffVerifyACaseThroughTheApi() throws Exception {
        String trackingNumber = cases.fileAndRoute("GD-AMR", "ATTITUDE", "a@example.com");
        mvc.perform(get("/api/complaints/{tn}/audit/verify", trackingNumber).with(STAFF))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.caseKey").value(trackingNumber))
                .andExpect(jsonPath("$.intact").value(true));
        mvc.perform(get("/api/complaints/{tn}/audit/verify", "TS20990101-XXXXXX").with(STAFF))
                .andExpect(status().isNotFound());
    }

    @Test
    void theVerifyApiNeedsALogin() throws Exception {
        mvc.perform(get("/api/complaints/{tn}/audit/verify", "TS20260302-7K3QHM"))
                .andExpect(status().isUnauthorized());
    }

}
