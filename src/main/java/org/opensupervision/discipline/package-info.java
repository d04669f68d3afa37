@ApplicationModule(allowedDependencies = {"access", "audit", "calendar", "complaint", "department", "notification",
        "privacy", "workflow"})
package org.opensupervision.discipline;

import org.springframework.modulith.ApplicationModule;
