package org.opensupervision.calendar;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the working-day calendar.
 *
 * @param zone     the time zone in which days and deadlines are reckoned, whatever the server's own zone
 * @param location a Spring resource pattern matching the calendar files, one file per year; point it at a
 *                 {@code file:} folder to let administrators maintain the files without a new release
 */
@ConfigurationProperties("supervision.calendar")
record CalendarProperties(
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("classpath*:calendar/*.yml") String location) {
}
