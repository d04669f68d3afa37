@ApplicationModule(allowedDependencies = {"calendar", "complaint", "department", "privacy", "workflow"})
package org.opensupervision.notification;

import org.springframework.modulith.ApplicationModule;
