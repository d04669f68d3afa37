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
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaScript;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.opensupervision.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every model and form is deployed, every {@code ${bean}} a model names exists (the delegates of service tasks and
 * events, and the beans of task and execution listeners, each of its kind), every form a task names is there.
 */
class BpmnWiringTest extends IntegrationTest {

    private static final Pattern BEAN = Pattern.compile("\\$\\{\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*}");
    /** As an attribute of a task or event ({@code camunda:delegateExpression}) or of a listener element. */
    private static final Pattern DELEGATE = Pattern.compile("(?:camunda:)?delegateExpression=\"([^\"]+)\"");
    /** The first name of an expression: a bean, or the {@code execution} or {@code task} the engine passes. */
    private static final Pattern ROOT = Pattern.compile("\\$\\{\\s*([a-zA-Z_][a-zA-Z0-9_]*)");

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
    void everyTaskAndExecutionListenerCallsABeanOfItsKind() throws Exception {
        int count = 0;
        for (var file : files("classpath*:processes/*.bpmn")) {
            try (InputStream in = file.getInputStream()) {
                BpmnModelInstance model = Bpmn.readModelFromStream(in);
                for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
                    assertListener(file.getFilename(), owner(listener), listener.getCamundaEvent(),
                            listener.getCamundaDelegateExpression(), listener.getCamundaClass(),
                            listener.getCamundaExpression(), listener.getCamundaScript(), TaskListener.class);
                    count++;
                }
                for (CamundaExecutionListener listener :
                        model.getModelElementsByType(CamundaExecutionListener.class)) {
                    assertListener(file.getFilename(), owner(listener), listener.getCamundaEvent(),
                            listener.getCamundaDelegateExpression(), listener.getCamundaClass(),
                            listener.getCamundaExpression(), listener.getCamundaScript(), ExecutionListener.class);
                    count++;
                }
            }
        }
        assertThat(count).as("task and execution listeners in the models").isPositive();
    }

    /** The id of the element whose extension elements hold the listener. */
    private static String owner(ModelElementInstance listener) {
        ModelElementInstance owner = listener.getParentElement().getParentElement();
        return owner == null ? "?" : owner.getAttributeValue("id");
    }

    /**
     * A listener's bean ({@code delegateExpression}) exists in the context and is a listener of its kind; a class is
     * one; an expression starts at a bean (or at the {@code execution} or {@code task} the engine passes).
     */
    private void assertListener(String file, String owner, String event, String delegateExpression, String className,
                                String expression, CamundaScript script, Class<?> kind) throws ClassNotFoundException {
        String what = kind.getSimpleName() + " on " + event + " of " + owner + " in " + file;
        if (delegateExpression != null) {
            Matcher bean = BEAN.matcher(delegateExpression);
            assertThat(bean.matches()).as("%s: %s is a plain bean reference", what, delegateExpression).isTrue();
            assertThat(context.containsBean(bean.group(1))).as("%s: bean %s", what, bean.group(1)).isTrue();
            assertThat(context.getBean(bean.group(1))).as("%s: bean %s", what, bean.group(1)).isInstanceOf(kind);
        } else if (className != null) {
            assertThat(kind.isAssignableFrom(Class.forName(className))).as("%s: class %s", what, className).isTrue();
        } else if (expression != null) {
            Matcher root = ROOT.matcher(expression);
            assertThat(root.lookingAt()).as("%s: expression %s", what, expression).isTrue();
            assertThat(List.of("execution", "task").contains(root.group(1)) || context.containsBean(root.group(1)))
                    .as("%s: %s starts at a bean", what, expression).isTrue();
        } else {
            assertThat(script).as("%s: a delegate expression, class, expression or script", what).isNotNull();
        }
    }

    @Test
    void everyServiceTaskCallsADelegateBean() throws IOException {
        for (var file : files("classpath*:processes/*.bpmn")) {
            try (InputStream in = file.getInputStream()) {
                BpmnModelInstance model = Bpmn.readModelFromStream(in);
                var serviceTasks = model.getModelElementsByType(ServiceTask.class);
                assertThat(serviceTasks).as("service tasks of %s", file.getFilename()).isNotEmpty();
                for (ServiceTask task : serviceTasks) {
                    String delegate = task.getCamundaDelegateExpression();
                    assertThat(delegate).as("delegate expression of %s in %s", task.getId(), file.getFilename())
                            .isNotBlank();
                    Matcher bean = BEAN.matcher(delegate);
                    assertThat(bean.matches() && context.containsBean(bean.group(1)))
                            .as("%s of %s names a bean", delegate, task.getId()).isTrue();
                }
            }
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
