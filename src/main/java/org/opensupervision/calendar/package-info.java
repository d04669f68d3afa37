@ApplicationModule(allowedDependencies = {})
package org.opensupervision.calendar;

import org.springframework.modulith.ApplicationModule;
