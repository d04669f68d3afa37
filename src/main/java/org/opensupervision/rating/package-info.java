@ApplicationModule(allowedDependencies = {"access", "audit", "calendar", "notification", "rules", "secrets", "web",
        "workflow"})
package org.opensupervision.rating;

import org.springframework.modulith.ApplicationModule;
