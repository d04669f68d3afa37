@ApplicationModule(allowedDependencies = {})
package org.opensupervision.workflow;

import org.springframework.modulith.ApplicationModule;
