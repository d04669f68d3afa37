package org.opensupervision.ladder;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.opensupervision.access.StaffGroups;
import org.opensupervision.calendar.DeadlineDisplay;
import org.opensupervision.notification.Notice;
import org.opensupervision.notification.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one implementation of a waiting step's reminder (催办) and escalation to the head of the supervision office, for
 * every model: the ladder's own delegates ({@code remindStep}, {@code escalateOverdueStep}), the supervision office's
 * tasks of complaint-handling, the card contest's review ({@code escalateCardContestReview}) and the evaluation's
 * review ({@code remindEvaluationReview}, {@code escalateEvaluationReview}) use it, each with the mail its readers
 * know, its own recipients and its own due dates.
 */
@Component
public class StepEscalations {

    /** The priority an escalated task gets at least (Tasklist sorts by it). */
    public static final int ESCALATED_PRIORITY = 90;

    private static final Logger log = LoggerFactory.getLogger(StepEscalations.class);

    private final TaskService tasks;
    private final Notifications notifications;
    private final DeadlineDisplay display;

    StepEscalations(TaskService tasks, Notifications notifications, DeadlineDisplay display) {
        this.tasks = tasks;
        this.notifications = notifications;
        this.display = display;
    }

    /**
     * A waiting step: its task, and the case its mails name and are filed under.
     *
     * @param caseKey the tracking number (or another case key), or null for a process without one: its mails then
     *                name the process instance and are filed under no case
     */
    public record Step(String caseKey, String processInstanceId, String taskId, String taskName, Date dueDate) {

        public static Step of(Task task, String caseKey) {
            return new Step(caseKey, task.getProcessInstanceId(), task.getId(), task.getName(), task.getDueDate());
        }

        String shownKey() {
            return caseKey != null ? caseKey : processInstanceId;
        }
    }

    /** The supervision office's address, where reminders go unless a model names another. */
    public String officeAddress() {
        return notifications.supervisionOfficeAddress();
    }

    /** Mails {@code to} that the step is due soon. */
    public void remind(Step step, String to, Notice notice) {
        mail(step, notice, List.of(to), List.of(), Map.of());
    }

    /**
     * Offers the step's task to the head of the supervision office ({@code supervision-head}) as well, at
     * {@value #ESCALATED_PRIORITY} or higher, and mails the head, the office in copy. The task stays with its group. A
     * task already offered to the head is left as it is and not mailed about again.
     *
     * @return whether the step was escalated now
     */
    public boolean escalate(Step step, Notice notice) {
        if (!offerToHead(step)) {
            return false;
        }
        mail(step, notice, List.of(notifications.supervisionHeadAddress()),
                List.of(notifications.supervisionOfficeAddress()), Map.of());
        return true;
    }

    /**
     * The escalation without its mail, for a model that mails on its own terms ({@link #mail}): offers the step's
     * task to the head of the supervision office ({@code supervision-head}) as well, at {@value #ESCALATED_PRIORITY}
     * or higher. The task stays with its group; a task already offered to the head is left as it is.
     *
     * @return whether the task was offered to the head now
     */
    public boolean offerToHead(Step step) {
        boolean already = tasks.getIdentityLinksForTask(step.taskId()).stream().anyMatch(
                l -> IdentityLinkType.CANDIDATE.equals(l.getType())
                        && StaffGroups.SUPERVISION_HEAD.equals(l.getGroupId()));
        if (already) {
            log.info("{} of {} was escalated already", step.taskName(), step.shownKey());
            return false;
        }
        tasks.addCandidateGroup(step.taskId(), StaffGroups.SUPERVISION_HEAD);
        Task task = tasks.createTaskQuery().taskId(step.taskId()).singleResult();
        tasks.setPriority(step.taskId(), Math.max(task.getPriority(), ESCALATED_PRIORITY));
        log.warn("{} of {} is overdue: offered to {}", step.taskName(), step.shownKey(), StaffGroups.SUPERVISION_HEAD);
        return true;
    }

    /** The head of the supervision office's address, where escalations go. */
    public String headAddress() {
        return notifications.supervisionHeadAddress();
    }

    /**
     * Mails a reminder or escalation of the step, filed under its case: the step's fields (below) and what the
     * model's own template shows besides ({@code shown}, which wins over a field of the same name).
     */
    public void mail(Step step, Notice notice, List<String> to, List<String> cc, Map<String, Object> shown) {
        Map<String, Object> model = mailModel(step);
        model.putAll(shown);
        notifications.send(notice, step.caseKey(), to, cc, model);
    }

    /**
     * What the reminder and overdue mails show: the case ({@code caseKey}, for complaints also
     * {@code trackingNumber}), the step ({@code step}, {@code taskName}), its due date and task.
     */
    private Map<String, Object> mailModel(Step step) {
        Map<String, Object> model = new HashMap<>();
        model.put("caseKey", step.shownKey());
        model.put("trackingNumber", step.shownKey());
        model.put("step", step.taskName());
        model.put("taskName", step.taskName());
        model.put("dueAt", step.dueDate() == null ? "" : display.format(step.dueDate().toInstant()));
        model.put("taskId", step.taskId());
        return model;
    }
}
