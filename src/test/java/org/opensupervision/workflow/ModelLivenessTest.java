package org.opensupervision.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.Test;

/**
 * No case may stall (issue 13): every model in {@code processes/} passes the liveness check of {@link ModelLiveness}
 * (every step that waits for a person has a timer-only way to an end event through an escalation), and the check does
 * fail on a model with a step that can wait forever.
 */
class ModelLivenessTest {

    @Test
    void everyWaitingStepOfEveryModelReachesAnEndThroughAnEscalationByTimersAlone() throws IOException {
        List<String> stalling = new ArrayList<>();
        List<Path> models;
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            models = files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
        }
        assertThat(models).hasSizeGreaterThanOrEqualTo(6);
        for (Path file : models) {
            try (InputStream in = Files.newInputStream(file)) {
                BpmnModelInstance model = Bpmn.readModelFromStream(in);
                for (String step : ModelLiveness.stallingSteps(model)) {
                    stalling.add(file.getFileName() + " " + step);
                }
            }
        }
        assertThat(stalling).as("steps that can wait forever").isEmpty();
    }

    @Test
    void aUserTaskWithoutATimerIsNamedAsStalling() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("forever").startEvent("Start")
                .userTask("Task_Forever").endEvent("End").done();

        assertThat(ModelLiveness.stallingSteps(model)).singleElement().asString().startsWith("Task_Forever:");
    }

    @Test
    void aTimerThatEndsTheStepWithoutAnEscalationIsNotEnough() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("quiet").startEvent("Start")
                .userTask("Task_Quiet").boundaryEvent("Timer_Quiet").timerWithDuration("P5D").endEvent("End_Quiet")
                .moveToActivity("Task_Quiet").endEvent("End").done();

        assertThat(ModelLiveness.stallingSteps(model)).singleElement().asString().startsWith("Task_Quiet:");
    }

    @Test
    void aTimerThatLeadsThroughAMarkedEscalationMakesTheStepLive() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("live").startEvent("Start")
                .userTask("Task_Live").boundaryEvent("Timer_Live").cancelActivity(false).timerWithDuration("P5D")
                .serviceTask("Task_Escalate").camundaExpression("${true}").endEvent("End_Escalated")
                .moveToActivity("Task_Live").endEvent("End").done();
        assertThat(ModelLiveness.stallingSteps(model)).singleElement().asString().startsWith("Task_Live:");

        mark(model, "Task_Escalate", ModelLiveness.ESCALATION, "true");

        assertThat(ModelLiveness.stallingSteps(model)).isEmpty();
    }

    @Test
    void aMessageWaitedForBesideATimerOnlyIsLiveOnlyIfItWaitsForTheCitizen() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("await").startEvent("Start").eventBasedGateway()
                .intermediateCatchEvent("Event_Message").message("Answered").endEvent("End_Answered")
                .moveToLastGateway().intermediateCatchEvent("Event_Timeout").timerWithDuration("P7D")
                .endEvent("End_TimedOut").done();
        assertThat(ModelLiveness.stallingSteps(model)).singleElement().asString().startsWith("Event_Message:");

        mark(model, "Event_Message", ModelLiveness.WAITS_FOR, "citizen");
        assertThat(ModelLiveness.stallingSteps(model)).isEmpty();
    }

    private static void mark(BpmnModelInstance model, String elementId, String name, String value) {
        BaseElement element = model.getModelElementById(elementId);
        ExtensionElements extensions = element.getExtensionElements();
        if (extensions == null) {
            extensions = model.newInstance(ExtensionElements.class);
            element.setExtensionElements(extensions);
        }
        CamundaProperties properties = model.newInstance(CamundaProperties.class);
        CamundaProperty property = model.newInstance(CamundaProperty.class);
        property.setCamundaName(name);
        property.setCamundaValue(value);
        properties.getCamundaProperties().add(property);
        extensions.addChildElement(properties);
    }
}
