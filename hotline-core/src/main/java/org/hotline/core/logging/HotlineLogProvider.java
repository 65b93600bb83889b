package org.hotline.core.logging;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J binding of the hotline's processes, found through {@code META-INF/services}: levels and format from
 * {@link LogSettings} (read once, when the first logger is made), lines to standard error. A bad
 * {@code HOTLINE_LOG_*} value leaves the defaults here; {@code HotlineMain} refuses to start on it.
 */
public final class HotlineLogProvider implements SLF4JServiceProvider {

    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new BasicMDCAdapter();
    private volatile ILoggerFactory loggers;

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        LogSettings settings;
        try {
            settings = LogSettings.fromEnvironment(System.getenv(), System.getProperty(LogSettings.LEVEL_PROPERTY));
        } catch (IllegalArgumentException e) {
            settings = LogSettings.DEFAULTS;
        }
        LogSettings chosen = settings;
        Map<String, Logger> made = new ConcurrentHashMap<>();
        loggers = name -> made.computeIfAbsent(name, n -> new HotlineLogger(n, chosen, Clock.systemUTC()));
    }
}
