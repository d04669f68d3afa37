/**
 * The keys and secrets of the other modules, checked before anything starts: outside the {@code dev} and
 * {@code test} profiles the application refuses a public default or a short secret, naming the setting and how to
 * make one (docs/security.md, "Secrets").
 */
@ApplicationModule(allowedDependencies = {})
package org.opensupervision.secrets;

import org.springframework.modulith.ApplicationModule;
