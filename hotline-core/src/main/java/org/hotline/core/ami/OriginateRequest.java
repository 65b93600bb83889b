package org.hotline.core.ami;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A call Asterisk should place: dial {@code channel} and, once answered, run {@code context,exten,1} with
 * {@code variables} set on the new channel.
 *
 * @param ringTimeout how long the phone may ring; the result is awaited for this plus a margin
 */
public record OriginateRequest(String channel, String context, String exten, String callerId, Duration ringTimeout,
        Map<String, String> variables) {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_/@.+:-]{1,80}");
    private static final Pattern VAR_NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,40}");

    public OriginateRequest {
        // values go into AMI header lines; a CR/LF or comma would inject headers or split variables
        requireSafe("channel", channel);
        requireSafe("context", context);
        requireSafe("exten", exten);
        if (callerId == null || callerId.length() > 80 || callerId.chars().anyMatch(c -> c < 0x20)) {
            throw new IllegalArgumentException("callerId must be printable text of at most 80 characters");
        }
        if (ringTimeout == null || ringTimeout.isNegative() || ringTimeout.isZero()
                || ringTimeout.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("ringTimeout must be between 1 ms and 5 minutes");
        }
        variables = Map.copyOf(variables);
        variables.forEach((name, value) -> {
            if (!VAR_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("variable name '" + name + "' must be upper-case letters, digits, _");
            }
            requireSafe("variable " + name, value);
        });
    }

    private static void requireSafe(String what, String value) {
        if (value == null || !SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be 1-80 characters of letters, digits and _/@.+:-");
        }
    }
}
