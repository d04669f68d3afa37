package org.opensupervision.intake;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.opensupervision.calendar.WorkingDayCalendar;
import org.springframework.stereotype.Component;

/**
 * Tracking numbers such as {@code TS20261126-7K3QHM}: the submission day in China Standard Time, then random
 * characters, so numbers cannot be guessed by counting.
 */
@Component
class TrackingNumbers {

    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final WorkingDayCalendar calendar;

    TrackingNumbers(Clock clock, WorkingDayCalendar calendar) {
        this.clock = clock;
        this.calendar = calendar;
    }

    String next() {
        StringBuilder number = new StringBuilder("TS")
                .append(LocalDate.ofInstant(clock.instant(), calendar.zone()).format(DAY)).append('-');
        for (int i = 0; i < 6; i++) {
            number.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return number.toString();
    }
}
