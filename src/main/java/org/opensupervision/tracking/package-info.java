@ApplicationModule(allowedDependencies = {"complaint", "department", "intake", "rating", "web"})
package org.opensupervision.tracking;

import org.springframework.modulith.ApplicationModule;
