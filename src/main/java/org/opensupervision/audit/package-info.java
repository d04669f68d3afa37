@ApplicationModule(allowedDependencies = {"complaint", "privacy", "secrets", "web"})
package org.opensupervision.audit;

import org.springframework.modulith.ApplicationModule;
