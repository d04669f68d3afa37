@ApplicationModule(allowedDependencies = {"access", "calendar", "complaint", "department", "notification", "rules",
        "workflow"})
package org.opensupervision.handling;

import org.springframework.modulith.ApplicationModule;
