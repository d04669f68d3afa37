@ApplicationModule(allowedDependencies = {"calendar", "complaint", "department", "privacy", "secrets", "web"})
package org.opensupervision.audit;

import org.springframework.modulith.ApplicationModule;
