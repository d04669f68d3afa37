package org.opensupervision.discipline.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.opensupervision.calendar.DeadlineDisplay;
import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.discipline.DisciplinaryCase;
import org.opensupervision.discipline.DisciplinaryCases;
import org.opensupervision.discipline.DisciplineProperties;
import org.opensupervision.notification.Notice;
import org.opensupervision.notification.Notifications;
import org.opensupervision.workflow.ProcessVariables;
import org.opensupervision.workflow.SupervisionProcesses.Discipline;
import org.opensupervision.workflow.SupervisionProcesses;
import org.springframework.stereotype.Component;

/**
 * An inspector's step passed its deadline: the open task of that step (named by the model's local input
 * {@code overdueStep}) becomes a task of the head of discipline inspection too, and the head is mailed.
 */
@Component("escalateOverdueDisciplinaryStep")
class EscalateOverdueDisciplinaryStep implements JavaDelegate {

    private final DisciplinaryCases cases;
    private final TaskService tasks;
    private final Notifications notifications;
    private final DisciplineProperties properties;
    private final DepartmentDirectory departments;
    private final DeadlineDisplay display;

    EscalateOverdueDisciplinaryStep(DisciplinaryCases cases, TaskService tasks, Notifications notifications,
                                    DisciplineProperties properties, DepartmentDirectory departments,
                                    DeadlineDisplay display) {
        this.cases = cases;
        this.tasks = tasks;
        this.notifications = notifications;
        this.properties = properties;
        this.departments = departments;
        this.display = display;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String step = (String) execution.getVariable("overdueStep");
        List<Task> open = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(step).list();
        for (Task task : open) {
            tasks.addCandidateGroup(task.getId(), SupervisionProcesses.DISCIPLINE_HEAD_GROUP);
            tasks.setPriority(task.getId(), Math.max(task.getPriority(), 90));
        }
        Long caseId = ProcessVariables.requiredLong(execution, Discipline.CASE_ID);
        cases.recordOverdueEscalation(caseId);
        DisciplinaryCase c = cases.find(caseId).orElseThrow();
        Map<String, Object> model = new HashMap<>();
        model.put("caseId", caseId);
        model.put("trackingNumber", c.getTrackingNumber());
        model.put("department", departments.get(c.getDepartmentCode()));
        model.put("step", open.isEmpty() ? step : open.get(0).getName());
        model.put("dueAt", open.isEmpty() || open.get(0).getDueDate() == null ? ""
                : display.format(open.get(0).getDueDate().toInstant()));
        notifications.send(Notice.DISCIPLINE_STEP_OVERDUE, c.getTrackingNumber(),
                List.of(properties.headAddress()), List.of(), model);
    }
}
