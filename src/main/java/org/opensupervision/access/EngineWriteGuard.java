package org.opensupervision.access;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractProcessInstanceModificationCommand;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobsRetriesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractUpdateProcessInstancesSuspendStateCmd;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricVariableInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricVariableInstancesByProcessInstanceIdCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.ExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDefinitionPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.CaseExecutionVariableCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.CreateCaseInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.springframework.stereotype.Component;

/**
 * Keeps the facts the platform owns (deadlines, the department holding a case, counters, decisions taken) out of
 * reach of the people they judge, whatever API they use: {@code /engine-rest}, the webapps' engine API behind
 * Tasklist and Cockpit, or anything else that runs an engine command for a logged-in user. A command interceptor
 * looks at every command the engine runs on behalf of an authenticated user who is not an administrator
 * ({@code camunda-admin}) and
 * <ul>
 * <li>lets a task completion (complete, submit form, resolve) set only the variables its Camunda Form declares as
 * editable, each value checked against the form (type, options, length, range): an undeclared variable is
 * {@link AuthorizationException} (403), a wrong value {@link FormFieldValidationException} (400);</li>
 * <li>refuses every other write of variables (task, execution and process-instance variables, local or not, set,
 * patched or removed, historic variables deleted), and the commands that carry variables into a process or move
 * it outside its model: starting, correlating, signalling, modifying, restarting, suspending, BPMN errors and
 * escalations thrown at a task, external tasks;</li>
 * <li>refuses every command on jobs and job definitions (execute, retries, due date, priority, suspend, delete):
 * the engine checks no permission at all for jobs outside a process definition, such as history cleanup;</li>
 * <li>lets a password be checked ({@code /identity/verify}) only for the user's own id.</li>
 * </ul>
 * Commands of our own code (delegates, listeners, the intake, the job executor) run without an authenticated user,
 * or with the engine's authorization checks switched off for custom code, and pass unchecked; so do the nested
 * commands the engine runs inside a permitted one. The same plugin makes the engine grant a task's candidates
 * {@code TASK_WORK} instead of {@code UPDATE} (claim and complete, but no task or variable updates).
 */
@Component
class EngineWriteGuard extends AbstractProcessEnginePlugin {

    /** Commands no one but an administrator may run. */
    static final List<Class<?>> ADMINISTRATORS_ONLY = List.of(
            // variables outside a task completion
            AbstractSetVariableCmd.class, AbstractRemoveVariableCmd.class, AbstractPatchVariablesCmd.class,
            SetVariablesToProcessInstancesBatchCmd.class, DeleteHistoricVariableInstanceCmd.class,
            DeleteHistoricVariableInstancesByProcessInstanceIdCmd.class,
            // tasks ended outside their form
            HandleTaskBpmnErrorCmd.class, HandleTaskEscalationCmd.class, ExternalTaskCmd.class,
            // process instances started, driven or moved from outside the model
            StartProcessInstanceCmd.class, StartProcessInstanceAtActivitiesCmd.class, SubmitStartFormCmd.class,
            AbstractCorrelateMessageCmd.class, CorrelateAllMessageBatchCmd.class, MessageEventReceivedCmd.class,
            SignalCmd.class, SignalEventReceivedCmd.class, EvaluateStartConditionCmd.class,
            ModifyProcessInstanceCmd.class, AbstractProcessInstanceModificationCommand.class,
            AbstractRestartProcessInstanceCmd.class, AbstractUpdateProcessInstancesSuspendStateCmd.class,
            // case (CMMN) instances: no model of ours is one, and none may be started or driven from outside
            CreateCaseInstanceCmd.class, CaseExecutionVariableCmd.class,
            // jobs, job definitions, process definitions and instances suspended or activated
            AbstractSetStateCmd.class, ExecuteJobsCmd.class, SetJobRetriesCmd.class,
            AbstractSetJobsRetriesBatchCmd.class, SetJobDuedateCmd.class, RecalculateJobDuedateCmd.class,
            SetJobPriorityCmd.class, SetJobDefinitionPriorityCmd.class, DeleteJobCmd.class, DeleteJobsCmd.class,
            // The engine follows every failed "execute job" call, even a refused one, with this listener, which
            // takes a retry from the job: refused, it cannot be used to run a job's retries down to an incident.
            FailedJobListener.class);

    private final Map<String, FormFields> formsByDefinitionId = new ConcurrentHashMap<>();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // Candidates and assignees get TASK_WORK on their task: claim, complete and submit its form, but no
        // UPDATE, which would also let them change the task (due date, candidates) and write its variables.
        configuration.setDefaultUserPermissionNameForTask(Permissions.TASK_WORK.getName());
        List<CommandInterceptor> interceptors = new ArrayList<>();
        if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
        }
        interceptors.add(new Interceptor());
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    }

    /** Runs inside the command context, before the command itself. */
    private final class Interceptor extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            CommandContext context = Context.getCommandContext();
            Authentication user = context == null ? null : context.getAuthentication();
            if (user != null && user.getUserId() != null && context.isAuthorizationCheckEnabled()
                    && !context.getAuthorizationManager().isCamundaAdmin(user)) {
                check(command, user, context);
            }
            return next.execute(command);
        }
    }

    private void check(Command<?> command, Authentication user, CommandContext context) {
        if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
            String taskId = (String) field(command, "taskId");
            Object variables = field(command, command instanceof SubmitTaskFormCmd ? "properties" : "variables");
            if (variables instanceof Map<?, ?> submitted && !submitted.isEmpty()) {
                checkCompletion(taskId, submitted, context);
            }
        } else if (command instanceof CheckPassword) {
            if (!user.getUserId().equals(field(command, "userId"))) {
                throw new AuthorizationException("用户只能核对自己的密码 / The user '" + user.getUserId()
                        + "' may check only their own password");
            }
        } else {
            for (Class<?> refused : ADMINISTRATORS_ONLY) {
                if (refused.isInstance(command)) {
                    throw new AuthorizationException("仅管理员可执行此操作 / Only administrators may do this ("
                            + command.getClass().getSimpleName() + "); the user '" + user.getUserId()
                            + "' is not one");
                }
            }
        }
    }

    private void checkCompletion(String taskId, Map<?, ?> submitted, CommandContext context) {
        TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
        if (task == null) {
            return; // the command itself says the task does not exist, in its own words
        }
        FormFields form = formOf(task, context);
        for (Map.Entry<?, ?> entry : submitted.entrySet()) {
            String name = String.valueOf(entry.getKey());
            if (form == null || !form.declares(name)) {
                throw new AuthorizationException("任务表单未声明变量 " + name + "，不得设置 / The form of task '"
                        + task.getName() + "' does not declare '" + name + "': it cannot be set"
                        + (form == null ? " (the task has no Camunda Form)"
                                : " (the form's fields: " + String.join(", ", form.writableKeys()) + ")"));
            }
            FormFields.Violation violation = form.check(name, entry.getValue());
            if (violation != null) {
                throw new FormFieldValidationException(name, violation.message() + "（" + violation.variable() + "）");
            }
        }
    }

    /** The editable fields of the task's Camunda Form, or {@code null} if it has none. */
    private FormFields formOf(TaskEntity task, CommandContext context) {
        if (task.getTaskDefinition() == null || task.getTaskDefinition().getTaskFormHandler() == null) {
            return null;
        }
        TaskFormData formData = context.runWithoutAuthorization(
                () -> task.getTaskDefinition().getTaskFormHandler().createTaskForm(task));
        CamundaFormRef reference = formData == null ? null : formData.getCamundaFormRef();
        if (reference == null || reference.getKey() == null) {
            return null;
        }
        CamundaFormDefinition definition = context.runWithoutAuthorization(
                new GetCamundaFormDefinitionCmd(reference, formData.getDeploymentId()));
        if (definition == null) {
            return null;
        }
        return formsByDefinitionId.computeIfAbsent(definition.getId(), id -> {
            ResourceEntity resource = context.getResourceManager().findResourceByDeploymentIdAndResourceName(
                    definition.getDeploymentId(), definition.getResourceName());
            return FormFields.parse(resource.getBytes());
        });
    }

    /**
     * A field of an engine command, which keeps its arguments without getters. A field that is not there any more
     * (an engine upgrade) fails the command rather than letting it pass unchecked.
     */
    private static Object field(Command<?> command, String name) {
        for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(command);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                break;
            }
        }
        throw new IllegalStateException("Cannot read " + name + " of " + command.getClass().getName());
    }
}
