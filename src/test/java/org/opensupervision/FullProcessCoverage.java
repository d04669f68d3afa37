package org.opensupervision;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the report that camunda-process-test-coverage wrote for the class (its listener runs its after-class step
 * before this one) and fails the class, naming what was missed, unless every flow node and sequence flow of the model
 * was covered.
 */
class FullProcessCoverage implements TestExecutionListener, Ordered {

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 1;
    }

    @Override
    public void afterTestClass(TestContext context) throws Exception {
        CoversEveryPathOf promise = context.getTestClass().getAnnotation(CoversEveryPathOf.class);
        if (promise == null) {
            return;
        }
        Path report = Path.of("target/process-test-coverage", context.getTestClass().getName(), "report.json");
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        JsonNode model = null;
        for (JsonNode m : json.get("models")) {
            if (promise.value().equals(m.get("key").asText())) {
                model = m;
            }
        }
        if (model == null) {
            throw new AssertionError("No run of " + promise.value() + " in " + report);
        }
        Set<String> elements = elementsOf(model.get("xml").asText());
        Set<String> covered = new TreeSet<>();
        for (JsonNode suite : json.get("suites")) {
            for (JsonNode run : suite.get("runs")) {
                for (JsonNode event : run.get("events")) {
                    if (promise.value().equals(event.get("modelKey").asText())) {
                        covered.add(event.get("definitionKey").asText());
                    }
                }
            }
        }
        Set<String> missed = new TreeSet<>(elements);
        missed.removeAll(covered);
        if (!missed.isEmpty()) {
            throw new AssertionError(context.getTestClass().getSimpleName() + " covers " + (elements.size()
                    - missed.size()) + " of " + elements.size() + " flow nodes and sequence flows of "
                    + promise.value() + "; not covered: " + missed);
        }
        Files.writeString(report.resolveSibling("full-coverage.txt"),
                "All " + elements.size() + " flow nodes and sequence flows of " + promise.value() + " covered\n");
    }

    private static Set<String> elementsOf(String xml) {
        BpmnModelInstance model = Bpmn.readModelFromStream(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Set<String> ids = new TreeSet<>();
        model.getModelElementsByType(FlowNode.class).forEach(n -> ids.add(n.getId()));
        model.getModelElementsByType(SequenceFlow.class).forEach(f -> ids.add(f.getId()));
        return ids;
    }
}
