@ApplicationModule(allowedDependencies = {"access", "audit", "calendar", "complaint", "department", "rules",
        "workflow"})
package org.opensupervision.spotcheck;

import org.springframework.modulith.ApplicationModule;
