package org.opensupervision.discipline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.opensupervision.calendar.DeadlineDisplay;
import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.notification.Notice;
import org.opensupervision.notification.Notifications;
import org.opensupervision.workflow.SupervisionProcesses;
import org.springframework.stereotype.Component;

/**
 * The discipline inspectors' own ladder: a step of theirs past its deadline becomes a task of the head of discipline
 * inspection too, at high priority, is counted on the case, and the head is mailed
 * ({@code supervision.discipline.head-address}).
 */
@Component
public class OverdueDisciplinarySteps {

    /** Priority at least given to an escalated step's task (Tasklist sorts by it). */
    static final int ESCALATED_PRIORITY = 90;

    private final DisciplinaryCases cases;
    private final TaskService tasks;
    private final Notifications notifications;
    private final DisciplineProperties properties;
    private final DepartmentDirectory departments;
    private final DeadlineDisplay display;

    OverdueDisciplinarySteps(DisciplinaryCases cases, TaskService tasks, Notifications notifications,
                             DisciplineProperties properties, DepartmentDirectory departments,
                             DeadlineDisplay display) {
        this.cases = cases;
        this.tasks = tasks;
        this.notifications = notifications;
        this.properties = properties;
        this.departments = departments;
        this.display = display;
    }

    /**
     * Escalates the open task(s) of step {@code stepKey} (a task definition key) of the case's process instance to
     * the head of discipline inspection, records the escalation on the case and mails the head.
     */
    public void escalate(Long caseId, String processInstanceId, String stepKey) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(stepKey)
                .list();
        for (Task task : open) {
            tasks.addCandidateGroup(task.getId(), SupervisionProcesses.DISCIPLINE_HEAD_GROUP);
            tasks.setPriority(task.getId(), Math.max(task.getPriority(), ESCALATED_PRIORITY));
        }
        cases.recordOverdueEscalation(caseId);
        DisciplinaryCase c = cases.find(caseId).orElseThrow();
        Map<String, Object> model = new HashMap<>();
        model.put("caseId", caseId);
        model.put("trackingNumber", c.getTrackingNumber());
        model.put("department", departments.get(c.getDepartmentCode()));
        model.put("step", open.isEmpty() ? stepKey : open.get(0).getName());
        model.put("dueAt", open.isEmpty() || open.get(0).getDueDate() == null ? ""
                : display.format(open.get(0).getDueDate().toInstant()));
        notifications.send(Notice.DISCIPLINE_STEP_OVERDUE, c.getTrackingNumber(),
                List.of(properties.headAddress()), List.of(), model);
    }
}
