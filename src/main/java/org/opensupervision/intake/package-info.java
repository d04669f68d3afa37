@ApplicationModule(allowedDependencies = {"calendar", "complaint", "department", "handling", "secrets", "web",
        "workflow"})
package org.opensupervision.intake;

import org.springframework.modulith.ApplicationModule;
