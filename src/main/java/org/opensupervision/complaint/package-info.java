@ApplicationModule(allowedDependencies = {"access", "calendar", "department", "privacy", "web"})
package org.opensupervision.complaint;

import org.springframework.modulith.ApplicationModule;
