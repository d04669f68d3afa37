/**
 * The demo complaints of the embedded default: a working office in the first minute (issue 16). Filed through the
 * intake and taken on through the engine as the right users; off with {@code supervision.demo-data.enabled}.
 */
@ApplicationModule(allowedDependencies = {"intake", "rating"})
package org.opensupervision.demo;

import org.springframework.modulith.ApplicationModule;
