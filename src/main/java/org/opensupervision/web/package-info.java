@ApplicationModule(allowedDependencies = {})
package org.opensupervision.web;

import org.springframework.modulith.ApplicationModule;
