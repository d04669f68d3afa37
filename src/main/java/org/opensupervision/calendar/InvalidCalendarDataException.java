package org.opensupervision.calendar;

/**
 * Calendar data that cannot be trusted. Thrown at start-up so that no deadline is ever computed on a guess; the
 * message names the file and the offending entry.
 */
class InvalidCalendarDataException extends IllegalStateException {

    InvalidCalendarDataException(String message) {
        super(message);
    }

    InvalidCalendarDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
