/**
 * Protection of the public endpoints: per-client rate limits and request body size limits, answered with problem
 * details (JSON) or the error page (browsers).
 */
@ApplicationModule(allowedDependencies = {"web"})
package org.opensupervision.protection;

import org.springframework.modulith.ApplicationModule;
