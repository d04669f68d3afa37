@ApplicationModule(allowedDependencies = {"access", "calendar", "complaint", "department", "notification", "workflow"})
package org.opensupervision.rules;

import org.springframework.modulith.ApplicationModule;
