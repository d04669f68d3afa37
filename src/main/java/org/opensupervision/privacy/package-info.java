@ApplicationModule(allowedDependencies = {"access", "department", "web"})
package org.opensupervision.privacy;

import org.springframework.modulith.ApplicationModule;
