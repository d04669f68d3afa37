@ApplicationModule(allowedDependencies = {"access", "calendar", "complaint", "department", "discipline", "ladder",
        "notification", "rating", "rules", "workflow"})
package org.opensupervision.handling;

import org.springframework.modulith.ApplicationModule;
