@ApplicationModule(allowedDependencies = {"calendar", "complaint", "department", "handling", "privacy", "secrets",
        "web", "workflow"})
package org.opensupervision.intake;

import org.springframework.modulith.ApplicationModule;
