@ApplicationModule(allowedDependencies = {"audit", "calendar", "dashboard", "department", "discipline", "ladder",
        "notification", "rating", "spotcheck", "web", "workflow"})
package org.opensupervision.evaluation;

import org.springframework.modulith.ApplicationModule;
