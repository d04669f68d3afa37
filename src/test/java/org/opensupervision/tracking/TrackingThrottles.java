package org.opensupervision.tracking;

import org.springframework.context.ApplicationContext;

/**
 * For tests that send many wrong access codes from loopback over real HTTP (hostile input, the authorization table):
 * the throttle counts them per client address for its window (15 minutes of real time), which would block the
 * tracking of every later test calling from loopback. Other tests call from addresses of their own instead.
 */
public final class TrackingThrottles {

    private TrackingThrottles() {
    }

    /** Forgets every wrong access code counted so far. */
    public static void forgetAll(ApplicationContext context) {
        context.getBean(AccessCodeThrottle.class).forgetAll();
    }
}
