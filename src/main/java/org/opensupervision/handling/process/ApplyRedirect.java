package org.opensupervision.handling.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.handling.ComplaintRedirects;
import org.opensupervision.workflow.ComplaintProcess.Var;
import org.opensupervision.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * Takes the routing decision re-evaluated for the department the supervision office chose into the case, and has
 * {@link ComplaintRedirects} move the case and its open tasks there.
 */
@Component("applyRedirect")
class ApplyRedirect implements JavaDelegate {

    private final ComplaintRedirects redirects;
    private final DepartmentDirectory departments;

    ApplyRedirect(ComplaintRedirects redirects, DepartmentDirectory departments) {
        this.redirects = redirects;
        this.departments = departments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String previousGroup = ProcessVariables.requiredText(execution, Var.HANDLING_GROUP);
        RecordRouting.Routing routing = RecordRouting.Routing.of(execution, departments);
        routing.applyTo(execution);
        redirects.redirect(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), previousGroup,
                routing.department(), routing.priority());
    }
}
