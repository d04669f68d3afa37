@ApplicationModule(allowedDependencies = {"access", "calendar", "complaint", "department", "discipline", "notification",
        "workflow"})
package org.opensupervision.rules;

import org.springframework.modulith.ApplicationModule;
