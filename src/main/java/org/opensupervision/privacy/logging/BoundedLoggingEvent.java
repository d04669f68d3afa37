package org.opensupervision.privacy.logging;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextVO;

/**
 * A logging event whose message is cut at {@link #MAX_MESSAGE} characters with a marker saying how much was left out.
 * A message can carry what a stranger sent (a URL, a header, a field); a line of megabytes floods the log and the
 * tools that read it. Cutting the message, not the encoded line, keeps structured JSON valid.
 */
final class BoundedLoggingEvent implements ILoggingEvent {

    /** Characters of a message that are logged; the rest is replaced by the marker. */
    static final int MAX_MESSAGE = 8 * 1024;

    private final ILoggingEvent event;
    private final String message;

    private BoundedLoggingEvent(ILoggingEvent event, String message) {
        this.event = event;
        this.message = message;
    }

    /** The event itself when its message is short enough, otherwise the event with its message cut. */
    static ILoggingEvent of(ILoggingEvent event) {
        String message = event.getFormattedMessage();
        if (message == null || message.length() <= MAX_MESSAGE) {
            return event;
        }
        return new BoundedLoggingEvent(event, cut(message));
    }

    static String cut(String text) {
        int keep = MAX_MESSAGE;
        // Never split a surrogate pair: half a character would come out as '?'.
        if (Character.isHighSurrogate(text.charAt(keep - 1))) {
            keep--;
        }
        return text.substring(0, keep) + "…[truncated " + (text.length() - keep) + " chars]";
    }

    @Override
    public String getFormattedMessage() {
        return message;
    }

    @Override
    public String getMessage() {
        return message;
    }

    @Override
    public Object[] getArgumentArray() {
        // The message is already formatted (and cut); arguments would bring the long text back.
        return null;
    }

    @Override
    public String getThreadName() {
        return event.getThreadName();
    }

    @Override
    public Level getLevel() {
        return event.getLevel();
    }

    @Override
    public String getLoggerName() {
        return event.getLoggerName();
    }

    @Override
    public LoggerContextVO getLoggerContextVO() {
        return event.getLoggerContextVO();
    }

    @Override
    public IThrowableProxy getThrowableProxy() {
        return event.getThrowableProxy();
    }

    @Override
    public StackTraceElement[] getCallerData() {
        return event.getCallerData();
    }

    @Override
    public boolean hasCallerData() {
        return event.hasCallerData();
    }

    @Override
    @SuppressWarnings("deprecation")
    public Marker getMarker() {
        return event.getMarker();
    }

    @Override
    public List<Marker> getMarkerList() {
        return event.getMarkerList();
    }

    @Override
    public Map<String, String> getMDCPropertyMap() {
        return event.getMDCPropertyMap();
    }

    @Override
    @SuppressWarnings("deprecation")
    public Map<String, String> getMdc() {
        return event.getMdc();
    }

    @Override
    public long getTimeStamp() {
        return event.getTimeStamp();
    }

    @Override
    public int getNanoseconds() {
        return event.getNanoseconds();
    }

    @Override
    public Instant getInstant() {
        return event.getInstant();
    }

    @Override
    public long getSequenceNumber() {
        return event.getSequenceNumber();
    }

    @Override
    public List<KeyValuePair> getKeyValuePairs() {
        return event.getKeyValuePairs();
    }

    @Override
    public void prepareForDeferredProcessing() {
        event.prepareForDeferredProcessing();
    }
}
