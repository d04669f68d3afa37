@ApplicationModule(allowedDependencies = {"calendar", "complaint", "department", "handling", "web", "workflow"})
package org.opensupervision.intake;

import org.springframework.modulith.ApplicationModule;
