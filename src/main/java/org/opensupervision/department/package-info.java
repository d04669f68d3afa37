@ApplicationModule(allowedDependencies = {})
package org.opensupervision.department;

import org.springframework.modulith.ApplicationModule;
