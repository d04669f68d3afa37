package org.opensupervision.handling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opensupervision.DecisionTables;
import org.opensupervision.workflow.ComplaintProcess;

/**
 * The routing table on its own, on the DMN engine alone (no application): one row of inputs and expected outputs per
 * rule.
 */
class ComplaintRoutingDecisionTest {

    @ParameterizedTest(name = "{0} / {1} -> {2}, priority {3}")
    @CsvSource({
            "GD-AMR,  SYSTEM_FAULT,     GD-SDMA, 70",
            "GD-PSD,  SYSTEM_FAULT,     GD-SDMA, 70",
            "GD-AMR,  INTEGRITY,        GD-AMR,  90",
            "GD-PSD,  INTEGRITY,        GD-PSD,  90",
            "GD-EDU,  INACTION,         GD-EDU,  70",
            "GD-HRSS, SLOW_ACTION,      GD-HRSS, 70",
            "GD-PSD,  ATTITUDE,         GD-PSD,  60",
            "GD-EDU,  ATTITUDE,         GD-EDU,  50",
            "GD-NR,   ARBITRARY_ACTION, GD-NR,   50",
            "GD-HC,   OTHER,            GD-HC,   50"
    })
    void routesByDepartmentAndCategory(String department, String category, String handlingDepartment,
                                       int priority) {
        DmnDecisionResultEntries result = DecisionTables.evaluate(ComplaintProcess.ROUTING_DECISION,
                Map.of("departmentCode", department, "category", category)).getSingleResult();

        assertThat(result.<String>getEntry("handlingDepartmentCode")).isEqualTo(handlingDepartment);
        assertThat(((Number) result.getEntry("priority")).intValue()).isEqualTo(priority);
    }
}
