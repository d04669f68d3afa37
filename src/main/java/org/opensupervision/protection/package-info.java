/**
 * Protection of the public endpoints: per-client rate limits and request body size limits, answered with problem
 * details (JSON) or the error page (browsers).
 */
package org.opensupervision.protection;
