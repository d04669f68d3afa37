@ApplicationModule(allowedDependencies = {"access", "audit", "calendar", "complaint", "department", "notification",
        "workflow"})
package org.opensupervision.discipline;

import org.springframework.modulith.ApplicationModule;
