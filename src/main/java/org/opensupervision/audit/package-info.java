@ApplicationModule(allowedDependencies = {"complaint", "privacy", "web"})
package org.opensupervision.audit;

import org.springframework.modulith.ApplicationModule;
