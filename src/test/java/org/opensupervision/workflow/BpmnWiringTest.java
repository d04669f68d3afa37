package org.opensupervision.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.opensupervision.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every model and form is deployed, every {@code ${bean}} a model names exists, every form a task names is there. */
class BpmnWiringTest extends IntegrationTest {

    private static final Pattern BEAN = Pattern.compile("\\$\\{\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*}");
    private static final Pattern DELEGATE = Pattern.compile("camunda:delegateExpression=\"([^\"]+)\"");

    @Autowired
    ApplicationContext context;
    @Autowired
    RepositoryService repository;

    private static List<org.springframework.core.io.Resource> files(String pattern) throws IOException {
        return Arrays.asList(new PathMatchingResourcePatternResolver().getResources(pattern));
    }

    private Set<String> deployedResourceNames() {
        Set<String> names = new LinkedHashSet<>();
        repository.createDeploymentQuery().list().forEach(d -> repository.getDeploymentResources(d.getId())
                .stream().map(Resource::getName).map(n -> n.substring(n.lastIndexOf('/') + 1)).forEach(names::add));
        return names;
    }

    @Test
    void everyModelFormAndDecisionInTheRepositoryIsDeployed() throws IOException {
        List<String> files = new ArrayList<>();
        for (String pattern : List.of("classpath*:processes/*.bpmn", "classpath*:processes/*.dmn",
                "classpath*:forms/*.form")) {
            files(pattern).forEach(r -> files.add(r.getFilename()));
        }
        assertThat(files).contains("complaint-handling.bpmn", "complaint-routing.dmn", "firstFeedback.form",
                "spot-check.bpmn", "disciplinary-escalation.bpmn", "supervision-rule-check.bpmn",
                "supervision-rules-common.dmn", "supervision-rules-discipline.dmn", "supervision-rules-dept-gd-amr.dmn");
        assertThat(deployedResourceNames()).containsAll(files);
    }

    @Test
    void everyBeanNamedInADelegateExpressionExists() throws IOException {
        for (var file : files("classpath*:processes/*.bpmn")) {
            String xml = new String(file.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Matcher delegates = DELEGATE.matcher(xml);
            int count = 0;
            while (delegates.find()) {
                Matcher bean = BEAN.matcher(delegates.group(1));
                assertThat(bean.matches()).as("delegate expression %s is a plain bean reference", delegates.group(1))
                        .isTrue();
                assertThat(context.containsBean(bean.group(1))).as("bean %s of %s", bean.group(1),
                        file.getFilename()).isTrue();
                count++;
            }
            assertThat(count).as("delegate expressions in %s", file.getFilename()).isPositive();
        }
    }

    @Test
    void everyUserTaskHasADeployedCamundaForm() throws IOException {
        Set<String> formIds = new LinkedHashSet<>();
        for (var form : files("classpath*:forms/*.form")) {
            try (InputStream in = form.getInputStream()) {
                formIds.add(new ObjectMapper().readTree(in).get("id").asText());
            }
        }
        for (var file : files("classpath*:processes/*.bpmn")) {
            try (InputStream in = file.getInputStream()) {
                BpmnModelInstance model = Bpmn.readModelFromStream(in);
                for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                    assertThat(task.getCamundaFormRef()).as("form of %s", task.getId()).isNotBlank();
                    assertThat(formIds).as("form %s of %s", task.getCamundaFormRef(), task.getId())
                            .contains(task.getCamundaFormRef());
                }
            }
        }
    }

    @Test
    void everyFlowNodeAndSequenceFlowHasItsDiagramAndAReadableId() throws IOException {
        for (var file : files("classpath*:processes/*.bpmn")) {
            try (InputStream in = file.getInputStream()) {
                BpmnModelInstance model = Bpmn.readModelFromStream(in);
                Set<String> shapes = new LinkedHashSet<>();
                model.getModelElementsByType(BpmnShape.class).forEach(s -> shapes.add(s.getBpmnElement().getId()));
                model.getModelElementsByType(BpmnEdge.class).forEach(e -> shapes.add(e.getBpmnElement().getId()));
                for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                    assertThat(shapes).as("diagram shape of %s", node.getId()).contains(node.getId());
                    assertThat(node.getId()).doesNotMatch("(Activity|Gateway|Event|Flow)_[0-9a-z]{7}");
                }
                for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
                    assertThat(shapes).as("diagram edge of %s", flow.getId()).contains(flow.getId());
                }
            }
        }
    }
}
