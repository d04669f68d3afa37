/**
 * Supervision of the approval cases themselves (行政审批在线监管): the item catalogue, the events the departments'
 * systems send, the two clocks of each case with their stops, and the yellow and red cards. Cases, events and clocks
 * are rows of our own tables, scanned in bulk by their due instants; BPMN only where a person acts (a contested
 * card). See docs/architecture.md, "Approval-case supervision".
 */
@ApplicationModule(allowedDependencies = {"access", "audit", "calendar", "complaint", "department", "evaluation",
        "ladder", "notification", "rules", "web", "workflow"})
package org.opensupervision.approval;

import org.springframework.modulith.ApplicationModule;
