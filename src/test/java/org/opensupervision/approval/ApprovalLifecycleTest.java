package org.opensupervision.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opensupervision.IntegrationTest;
import org.opensupervision.handling.CaseDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every event type and transition of an approval case: each row is a sequence of events sent in one batch (one a
 * day from 2 November 2026), the status they lead to, and the events refused as impossible (their positions).
 * Items: GD-DRC-002 (即办件), GD-DRC-001 (承诺件), GD-DRC-004 (上报件).
 */
class ApprovalLifecycleTest extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApprovalCases cases;

    @BeforeEach
    void inNovember() {
        CaseDriver.moveClockTo(Instant.parse("2026-11-30T01:00:00Z"));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}, refused {3}")
    @CsvSource(delimiter = '|', textBlock = """
            GD-DRC-001 | SUBMITTED                                                         | SUBMITTED         | -
            GD-DRC-001 | SUBMITTED ACCEPTED                                                | ACCEPTED          | -
            GD-DRC-001 | ACCEPTED                                                          | ACCEPTED          | -
            GD-DRC-001 | SUBMITTED REFUSED_AT_INTAKE                                       | REFUSED_AT_INTAKE | -
            GD-DRC-001 | SUBMITTED CORRECTION_REQUESTED                                    | CORRECTION        | -
            GD-DRC-001 | SUBMITTED CORRECTION_REQUESTED CORRECTION_RECEIVED ACCEPTED       | ACCEPTED          | -
            GD-DRC-001 | SUBMITTED CORRECTION_REQUESTED ACCEPTED                           | CORRECTION        | 2
            GD-DRC-001 | ACCEPTED SPECIAL_PROCEDURE_STARTED                                | SPECIAL_PROCEDURE | -
            GD-DRC-001 | ACCEPTED SPECIAL_PROCEDURE_STARTED SPECIAL_PROCEDURE_ENDED        | ACCEPTED          | -
            GD-DRC-001 | SUBMITTED SPECIAL_PROCEDURE_STARTED                               | SUBMITTED         | 1
            GD-DRC-001 | ACCEPTED SPECIAL_PROCEDURE_ENDED                                  | ACCEPTED          | 1
            GD-DRC-001 | ACCEPTED CORRECTION_RECEIVED                                      | ACCEPTED          | 1
            GD-DRC-001 | ACCEPTED CORRECTION_REQUESTED CORRECTION_REQUESTED                | CORRECTION        | 2
            GD-DRC-001 | ACCEPTED CORRECTION_REQUESTED DECIDED                             | CORRECTION        | 2
            GD-DRC-001 | ACCEPTED DECIDED                                                  | DECIDED           | -
            GD-DRC-001 | ACCEPTED DECIDED COMPLETED                                        | COMPLETED         | -
            GD-DRC-001 | ACCEPTED COMPLETED                                                | ACCEPTED          | 1
            GD-DRC-001 | ACCEPTED DECIDED COMPLETED WITHDRAWN                              | COMPLETED         | 3
            GD-DRC-001 | ACCEPTED CORRECTION_REQUESTED WITHDRAWN                           | WITHDRAWN         | -
            GD-DRC-001 | SUBMITTED WITHDRAWN ACCEPTED                                      | WITHDRAWN         | 2
            GD-DRC-001 | SUBMITTED SUBMITTED                                               | SUBMITTED         | 1
            GD-DRC-001 | SUBMITTED ACCEPTED ACCEPTED                                       | ACCEPTED          | 2
            GD-DRC-001 | DECIDED                                                           | -                 | 0
            GD-DRC-001 | SUBMITTED REFUSED_AT_INTAKE ACCEPTED                              | REFUSED_AT_INTAKE | 2
            GD-DRC-002 | ACCEPTED COMPLETED                                                | COMPLETED         | -
            GD-DRC-004 | SUBMITTED ACCEPTED SPECIAL_PROCEDURE_STARTED SPECIAL_PROCEDURE_ENDED DECIDED COMPLETED | COMPLETED | -
            GD-DRC-004 | ACCEPTED COMPLETED                                                | ACCEPTED          | 1
            """)
    void eachEventTypeMovesTheCaseOrIsRefusedAsImpossible(String item, String types, String status, String refused)
            throws Exception {
        ApprovalEvents events = new ApprovalEvents(mvc);
        String id = ApprovalEvents.newCaseId("LC");
        String[] sequence = types.trim().split("\\s+");
        for (int i = 0; i < sequence.length; i++) {
            var e = events.add(id, item, sequence[i], String.format("2026-11-%02dT10:00:00+08:00", 2 + i), "ONLINE");
            switch (sequence[i]) {
                case "REFUSED_AT_INTAKE", "CORRECTION_REQUESTED" -> e.put("reason", "材料不全 / Documents missing");
                case "SPECIAL_PROCEDURE_STARTED", "SPECIAL_PROCEDURE_ENDED" -> e.put("procedure", "EXPERT_REVIEW");
                case "DECIDED" -> e.put("decision", "APPROVED");
                default -> { }
            }
        }
        JsonNode answer = events.send("GD-DRC");

        List<Integer> refusedAt = new ArrayList<>();
        answer.get("rejected").forEach(r -> {
            assertThat(r.get("code").asText()).isEqualTo("IMPOSSIBLE_TRANSITION");
            refusedAt.add(r.get("index").asInt());
        });
        List<Integer> expected = refused.equals("-") ? List.of()
                : List.of(refused.split(" ")).stream().map(Integer::valueOf).toList();
        assertThat(refusedAt).isEqualTo(expected);
        assertThat(answer.get("accepted").asInt()).isEqualTo(sequence.length - expected.size());
        if (status.equals("-")) {
            assertThat(cases.find(id)).isEmpty();
        } else {
            assertThat(cases.find(id).orElseThrow().status()).isEqualTo(CaseStatus.valueOf(status));
        }
    }
}
