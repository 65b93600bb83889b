package org.hotline.core.logging;

import java.time.Clock;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * One named logger: writes each line at or above its threshold to standard error (the stream {@link System#err}
 * is at that moment, so a redirection made later is honoured), whole, in the chosen format.
 */
final class HotlineLogger extends LegacyAbstractLogger {

    private final transient Level threshold;
    private final transient LogFormat format;
    private final transient Clock clock;

    HotlineLogger(String name, LogSettings settings, Clock clock) {
        this.name = name;
        this.threshold = settings.thresholdFor(name);
        this.format = settings.format();
        this.clock = clock;
    }

    private boolean enabled(Level level) {
        return threshold != null && level.toInt() >= threshold.toInt();
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
            Throwable error) {
        String message = MessageFormatter.basicArrayFormat(pattern, arguments);
        // println of one string: lines of concurrent threads never interleave.
        System.err.println(format.line(clock.instant(), level, Thread.currentThread().getName(), name, message, error));
    }
}
