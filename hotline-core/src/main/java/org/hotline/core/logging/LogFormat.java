package org.hotline.core.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.event.Level;

/** The shape of one log line: plain text for people, or one JSON object a line for log shippers. */
public enum LogFormat {

    /** {@code 2026-12-03T10:15:30.123Z INFO  [thread] Logger - message}, then the stack trace if any. */
    TEXT {
        @Override
        String line(Instant time, Level level, String thread, String logger, String message, Throwable error) {
            String head = time.truncatedTo(ChronoUnit.MILLIS) + " " + String.format("%-5s", level) + " [" + thread + "] " + shortName(logger) + " - "
                    + message;
            return error == null ? head : head + System.lineSeparator() + stackTrace(error).stripTrailing();
        }
    },

    /** {@code {"time":…,"level":…,"thread":…,"logger":…,"message":…[,"error":…,"stack":…]}} on one line. */
    JSON {
        @Override
        String line(Instant time, Level level, String thread, String logger, String message, Throwable error) {
            StringBuilder json = new StringBuilder(160).append('{');
            field(json, "time", time.truncatedTo(ChronoUnit.MILLIS).toString()).append(',');
            field(json, "level", level.toString()).append(',');
            field(json, "thread", thread).append(',');
            field(json, "logger", logger).append(',');
            field(json, "message", message);
            if (error != null) {
                field(json.append(','), "error", String.valueOf(error));
                field(json.append(','), "stack", stackTrace(error));
            }
            return json.append('}').toString();
        }
    };

    /** One formatted line (text may continue over several lines with a stack trace). */
    abstract String line(Instant time, Level level, String thread, String logger, String message, Throwable error);

    private static String shortName(String logger) {
        return logger.substring(logger.lastIndexOf('.') + 1);
    }

    private static String stackTrace(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":\"");
        String text = value == null ? "" : value;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
