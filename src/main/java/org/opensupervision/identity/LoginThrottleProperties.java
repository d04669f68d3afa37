package org.opensupervision.identity;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code supervision.login-throttle.*}: how failed logins slow down the next attempt, per client address and per
 * account, on every entry point (login form, HTTP Basic on the staff API and pages and on {@code /engine-rest}, the
 * Camunda webapps' login).
 *
 * @param freeFailuresPerClient  failures from one address before it waits
 * @param freeFailuresPerAccount failures for one account (from anywhere) before it waits
 * @param firstDelay             the first wait; it doubles with each failure after that
 * @param maxDelayPerClient      the longest an address waits
 * @param maxDelayPerAccount     the longest an account waits: short, because anybody can make an account wait by
 *                               failing in its name, and its owner must get in again soon
 * @param forgetAfter            failures this old are forgotten
 * @param exemptAddresses        addresses not throttled per client (accounts are throttled from anywhere)
 */
@ConfigurationProperties("supervision.login-throttle")
record LoginThrottleProperties(Integer freeFailuresPerClient, Integer freeFailuresPerAccount, Duration firstDelay,
                               Duration maxDelayPerClient, Duration maxDelayPerAccount, Duration forgetAfter,
                               List<String> exemptAddresses) {

    LoginThrottleProperties {
        freeFailuresPerClient = freeFailuresPerClient == null ? 10 : freeFailuresPerClient;
        freeFailuresPerAccount = freeFailuresPerAccount == null ? 5 : freeFailuresPerAccount;
        firstDelay = firstDelay == null ? Duration.ofSeconds(1) : firstDelay;
        maxDelayPerClient = maxDelayPerClient == null ? Duration.ofMinutes(15) : maxDelayPerClient;
        maxDelayPerAccount = maxDelayPerAccount == null ? Duration.ofMinutes(1) : maxDelayPerAccount;
        forgetAfter = forgetAfter == null ? Duration.ofHours(1) : forgetAfter;
        exemptAddresses = exemptAddresses == null ? List.of() : List.copyOf(exemptAddresses);
    }
}
