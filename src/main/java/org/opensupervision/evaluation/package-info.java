@ApplicationModule(allowedDependencies = {"audit", "calendar", "dashboard", "department", "discipline", "notification",
        "rating", "spotcheck", "web"})
package org.opensupervision.evaluation;

import org.springframework.modulith.ApplicationModule;
