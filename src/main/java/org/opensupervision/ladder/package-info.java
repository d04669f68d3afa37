/**
 * The supervision ladder of the staff's own steps (issue 13, "no case may stall"): each waiting step of the
 * supervision office, the discipline inspectors and the departments' spot-check rectifications has a due date in
 * working days, a reminder one working day before it, and an escalation to the head above when it passes. The models
 * use {@link org.opensupervision.ladder.StepClock} for the dates and the delegates {@code remindStep} and
 * {@code escalateOverdueStep}.
 */
@ApplicationModule(allowedDependencies = {"access", "calendar", "notification", "workflow"})
package org.opensupervision.ladder;

import org.springframework.modulith.ApplicationModule;
