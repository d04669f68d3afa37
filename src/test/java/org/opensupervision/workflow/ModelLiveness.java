package org.opensupervision.workflow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SignalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The liveness check of a model (issue 13, "no case may stall"): from every step that waits for a person, the case
 * must reach an end event by timers alone, nobody acting, and on the way pass an escalation.
 *
 * <p>Waiting steps: user tasks, receive tasks, and intermediate message or signal catch events. From a waiting step
 * the walk may leave only through a timer: a timer boundary event on the step or on a sub-process around it, a timer
 * catch event on the other side of the event-based gateway the step is waited for from, or a timer-started event
 * sub-process of a scope around it. From then on it follows every outgoing flow of automatic steps (service, send,
 * script and business-rule tasks, throw events, timer catch events, gateways whatever their conditions), enters
 * sub-processes at their start event, leaves a sub-process when it reaches one of its end events, and meets another
 * waiting step only to leave it again by one of that step's timers.
 *
 * <p>An escalation is an element carrying the extension property {@value #ESCALATION}{@code =true}
 * ({@code <camunda:property name="escalation" value="true"/>}): the step that hands an overdue matter to someone
 * above (the head of the office, the discipline inspectors, the rules). The marker is explicit; names are not read.
 * A catch event that waits for the public (the complainant's rating) carries {@value #WAITS_FOR}{@code =citizen}:
 * its timeout applies a published rule instead of escalating (the seven-day default), so it needs the timer path
 * but not the escalation.
 */
final class ModelLiveness {

    static final String ESCALATION = "escalation";
    static final String WAITS_FOR = "waitsFor";

    private ModelLiveness() {
    }

    /** The ids of the waiting steps of the model that can stall, each with why; empty when every step is live. */
    static List<String> stallingSteps(BpmnModelInstance model) {
        List<String> stalling = new ArrayList<>();
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (!isWaiting(node)) {
                continue;
            }
            boolean needsEscalation = !"citizen".equals(property(node, WAITS_FOR));
            if (!live(node, needsEscalation)) {
                stalling.add(node.getId() + (needsEscalation
                        ? ": no timer-only path to an end event passes an element marked escalation=true"
                        : ": no timer-only path to an end event"));
            }
        }
        return stalling;
    }

    static boolean isWaiting(FlowNode node) {
        if (node instanceof UserTask || node instanceof ReceiveTask) {
            return true;
        }
        return node instanceof IntermediateCatchEvent event
                && event.getEventDefinitions().stream().anyMatch(d -> d instanceof MessageEventDefinition
                || d instanceof SignalEventDefinition);
    }

    private record State(FlowNode node, boolean escalated) {
    }

    private static boolean live(FlowNode waiting, boolean needsEscalation) {
        Deque<State> todo = new ArrayDeque<>();
        Set<State> seen = new HashSet<>();
        for (FlowNode exit : timerExits(waiting)) {
            todo.add(new State(exit, marked(exit)));
        }
        while (!todo.isEmpty()) {
            State state = todo.poll();
            if (!seen.add(state)) {
                continue;
            }
            FlowNode node = state.node();
            boolean escalated = state.escalated() || marked(node);
            List<FlowNode> next = new ArrayList<>();
            if (node instanceof EndEvent) {
                if (escalated || !needsEscalation) {
                    return true;
                }
                if (node.getParentElement() instanceof SubProcess sub && !sub.triggeredByEvent()) {
                    next.addAll(targets(sub));
                }
            } else if (isWaiting(node) || node instanceof CallActivity) {
                next.addAll(timerExits(node));
            } else if (node instanceof SubProcess sub) {
                sub.getChildElementsByType(StartEvent.class).stream()
                        .filter(s -> s.getEventDefinitions().isEmpty()).forEach(next::add);
            } else if (node instanceof IntermediateCatchEvent || node instanceof BoundaryEvent) {
                next.addAll(targets(node));
            } else if (!(node instanceof EventBasedGateway)) {
                next.addAll(targets(node));
            } else {
                for (FlowNode event : targets(node)) {
                    if (isTimer(event)) {
                        next.add(event);
                    }
                }
            }
            for (FlowNode n : next) {
                todo.add(new State(n, escalated || marked(n)));
            }
        }
        return false;
    }

    /** Where nobody acting leaves a waiting step: by a timer. */
    private static List<FlowNode> timerExits(FlowNode waiting) {
        List<FlowNode> exits = new ArrayList<>();
        for (ModelElementInstance scope = waiting; scope != null; scope = scope.getParentElement()) {
            if (scope instanceof FlowNode activity) {
                for (BoundaryEvent boundary : waiting.getModelInstance().getModelElementsByType(BoundaryEvent.class)) {
                    if (boundary.getAttachedTo() == activity && isTimer(boundary)) {
                        exits.add(boundary);
                    }
                }
            }
            if (scope instanceof BaseElement element && scope != waiting) {
                for (SubProcess eventSub : element.getChildElementsByType(SubProcess.class)) {
                    if (eventSub.triggeredByEvent()) {
                        eventSub.getChildElementsByType(StartEvent.class).stream().filter(ModelLiveness::isTimer)
                                .forEach(exits::add);
                    }
                }
            }
        }
        for (SequenceFlow in : waiting.getIncoming()) {
            if (in.getSource() instanceof EventBasedGateway gateway) {
                targets(gateway).stream().filter(ModelLiveness::isTimer).forEach(exits::add);
            }
        }
        return exits;
    }

    private static boolean isTimer(FlowNode node) {
        return node instanceof CatchEvent event
                && event.getEventDefinitions().stream().anyMatch(d -> d instanceof TimerEventDefinition);
    }

    private static List<FlowNode> targets(FlowNode node) {
        return node.getOutgoing().stream().map(SequenceFlow::getTarget).toList();
    }

    private static boolean marked(FlowNode node) {
        return "true".equals(property(node, ESCALATION));
    }

    private static String property(BaseElement element, String name) {
        if (element.getExtensionElements() == null) {
            return null;
        }
        Collection<CamundaProperties> all = element.getExtensionElements().getChildElementsByType(
                CamundaProperties.class);
        for (CamundaProperties properties : all) {
            for (CamundaProperty property : properties.getCamundaProperties()) {
                if (name.equals(property.getCamundaName())) {
                    return property.getCamundaValue();
                }
            }
        }
        return null;
    }
}
