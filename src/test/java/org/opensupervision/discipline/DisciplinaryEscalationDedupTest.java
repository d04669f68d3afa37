package org.opensupervision.discipline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.opensupervision.handling.CaseDriver;
import org.opensupervision.rules.ProcessJobs;
import org.opensupervision.workflow.SupervisionProcesses.Discipline;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 13: with "3 or more breaches this month → escalate", the 3rd, 4th, … trigger must not each open a
 * disciplinary case. One case is open per department, rule and month; later triggers are attached to it as evidence,
 * also when two arrive at once (run on H2 and on PostgreSQL). Runs in December 2026 under rule keys of its own.
 */
class DisciplinaryEscalationDedupTest extends IntegrationTest {

    /** Monday 7 December 2026, 09:00 in Shanghai. */
    static final Instant DECEMBER = Instant.parse("2026-12-07T01:00:00Z");

    @Autowired
    DisciplinaryCases disciplinaryCases;
    @Autowired
    CaseDriver cases;
    @Autowired
    ProcessJobs jobs;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    TransactionTemplate transactions;

    private boolean escalate(String trackingNumber, String ruleKey) {
        return Boolean.TRUE.equals(transactions.execute(status -> disciplinaryCases.requestEscalation(trackingNumber,
                "GD-AMR", EscalationSource.RULES, "本月多次超时 " + trackingNumber, 2, ruleKey)));
    }

    private long casesStarted(List<String> trackingNumbers) {
        return trackingNumbers.stream().mapToLong(tn -> jobs.instances(Discipline.KEY, tn).size()).sum();
    }

    @Test
    void laterTriggersOfTheSameDepartmentRuleAndMonthAreAttachedToTheOpenCase() {
        CaseDriver.moveClockTo(DECEMBER);
        List<String> breaches = List.of(cases.fileAndRoute("GD-AMR", "SLOW_ACTION", "dedup1@example.com"),
                cases.fileAndRoute("GD-AMR", "SLOW_ACTION", "dedup2@example.com"),
                cases.fileAndRoute("GD-AMR", "SLOW_ACTION", "dedup3@example.com"));

        assertThat(escalate(breaches.get(0), "Rule_DedupSequential")).isTrue();
        assertThat(escalate(breaches.get(1), "Rule_DedupSequential")).isFalse();
        assertThat(escalate(breaches.get(2), "Rule_DedupSequential")).isFalse();

        assertThat(casesStarted(breaches)).isEqualTo(1);
        jobs.runDueJobs(breaches.get(0));
        DisciplinaryCase opened = disciplinaryCases.ofComplaint(breaches.get(0)).get(0);
        assertThat(disciplinaryCases.evidenceOf(opened.getId())).extracting(EscalationEvidence::trackingNumber)
                .containsExactlyElementsOf(breaches);
        assertThat(disciplinaryCases.dossier(opened.getId()).timeline()).extracting(ReferralDossier.Entry::event)
                .anyMatch(e -> e.contains("同一规则再次触发，并入本案") && e.contains(breaches.get(2))
                        && !e.contains("attached as evidence"));

        // Once the case is decided, the next trigger of the month opens a new one.
        var review = tasks.createTaskQuery().processInstanceBusinessKey(breaches.get(0))
                .taskDefinitionKey(Discipline.PRELIMINARY_REVIEW_TASK).singleResult();
        tasks.complete(review.getId(), Map.of("preliminaryFinding", "NO_CASE", "outcomeReason", "已整改"));
        jobs.runDueJobs(breaches.get(0));
        String fourth = cases.fileAndRoute("GD-AMR", "SLOW_ACTION", "dedup4@example.com");
        assertThat(escalate(fourth, "Rule_DedupSequential")).isTrue();
        // Another rule is another case.
        String other = cases.fileAndRoute("GD-AMR", "SLOW_ACTION", "dedup5@example.com");
        assertThat(escalate(other, "Rule_DedupOther")).isTrue();
        // A triage referral (no rule) is never deduplicated.
        transactions.executeWithoutResult(status -> disciplinaryCases.requestEscalation(other, "GD-AMR",
                EscalationSource.TRIAGE, "吃拿卡要", 3));
        assertThat(jobs.instances(Discipline.KEY, other)).hasSize(2);
    }

    @Test
    void twoTriggersAtOnceOpenOneCase() throws Exception {
        CaseDriver.moveClockTo(DECEMBER);
        List<String> breaches = List.of(cases.fileAndRoute("GD-AMR", "SLOW_ACTION", "race1@example.com"),
                cases.fileAndRoute("GD-AMR", "SLOW_ACTION", "race2@example.com"));
        CyclicBarrier together = new CyclicBarrier(breaches.size());
        ExecutorService pool = Executors.newFixedThreadPool(breaches.size());
        List<Future<Boolean>> opened = new ArrayList<>();
        for (String tn : breaches) {
            opened.add(pool.submit(() -> {
                CaseDriver.moveClockTo(DECEMBER);
                together.await(30, TimeUnit.SECONDS);
                return Boolean.TRUE.equals(transactions.execute(status -> {
                    boolean result = disciplinaryCases.requestEscalation(tn, "GD-AMR", EscalationSource.RULES,
                            "并发 " + tn, 2, "Rule_DedupConcurrent");
                    try {
                        // Holds the transaction open so that the other trigger's claim meets an uncommitted one.
                        Thread.sleep(300);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                    return result;
                }));
            }));
        }
        List<Boolean> results = new ArrayList<>();
        for (Future<Boolean> f : opened) {
            results.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(results).containsExactlyInAnyOrder(true, false);
        assertThat(casesStarted(breaches)).isEqualTo(1);
        String first = breaches.get(results.indexOf(true));
        jobs.runDueJobs(first);
        DisciplinaryCase c = disciplinaryCases.ofComplaint(first).get(0);
        assertThat(disciplinaryCases.evidenceOf(c.getId())).extracting(EscalationEvidence::trackingNumber)
                .containsExactlyInAnyOrderElementsOf(breaches);
    }
}
