@ApplicationModule(allowedDependencies = {"access", "department", "web", "workflow"})
package org.opensupervision.identity;

import org.springframework.modulith.ApplicationModule;
