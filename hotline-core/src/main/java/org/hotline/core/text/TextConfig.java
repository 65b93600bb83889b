package org.hotline.core.text;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the text channels.
 *
 * @param flowId the flow a new conversation starts in
 * @param idle how long a conversation waits for a reply before it ends (a partial tip is kept)
 * @param maxChars longest message read as a reply; a longer one is kept for the operator and answered briefly
 * @param perMinute messages one sender may send a minute; beyond, they are kept but not answered by the flow
 */
public record TextConfig(String flowId, Duration idle, int maxChars, int perMinute) {

    public static final String DEFAULT_FLOW = "hotline";
    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);
    public static final int DEFAULT_MAX_CHARS = 480;
    public static final int DEFAULT_PER_MINUTE = 30;

    public TextConfig {
        Objects.requireNonNull(flowId, "flowId");
        Objects.requireNonNull(idle, "idle");
        if (maxChars < 1 || perMinute < 1) {
            throw new IllegalArgumentException("maxChars and perMinute must be positive");
        }
    }

    public static TextConfig defaults() {
        return new TextConfig(DEFAULT_FLOW, DEFAULT_IDLE, DEFAULT_MAX_CHARS, DEFAULT_PER_MINUTE);
    }
}
