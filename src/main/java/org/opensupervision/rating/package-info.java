@ApplicationModule(allowedDependencies = {"access", "audit", "calendar", "notification", "rules", "web", "workflow"})
package org.opensupervision.rating;

import org.springframework.modulith.ApplicationModule;
