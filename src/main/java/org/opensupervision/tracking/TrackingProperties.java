package org.opensupervision.tracking;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Throttling of wrong access codes.
 *
 * @param maxFailuresPerTrackingNumber wrong codes allowed for one tracking number within the window
 * @param maxFailuresPerClient wrong codes allowed from one client address within the window
 * @param failureWindow the sliding window
 */
@ConfigurationProperties("supervision.tracking")
record TrackingProperties(int maxFailuresPerTrackingNumber, int maxFailuresPerClient, Duration failureWindow) {
}
