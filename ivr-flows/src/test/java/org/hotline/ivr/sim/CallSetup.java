package org.hotline.ivr.sim;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The call Asterisk hands to the FastAGI script: what goes into the {@code agi_*} header block, plus the
 * channel variables the dialplan set before {@code AGI()} ran.
 *
 * @param script the script path plus query string, as in {@code agi_network_script} (e.g. {@code hotline?lang=en})
 * @param arguments dialplan arguments, sent as {@code agi_arg_1}, {@code agi_arg_2}, ... (spaces kept)
 */
public record CallSetup(
        String script,
        String channel,
        String uniqueId,
        String callerId,
        String language,
        String context,
        String extension,
        int priority,
        List<String> arguments,
        Map<String, String> variables) {

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final long EPOCH_SECONDS = System.currentTimeMillis() / 1000;

    public CallSetup {
        if (script == null || channel == null || uniqueId == null || language == null) {
            throw new IllegalArgumentException("script, channel, uniqueId and language are required");
        }
        arguments = List.copyOf(arguments);
        variables = Map.copyOf(variables);
    }

    /** A call from a caller on a SIP trunk to the hotline short code, running the given script. */
    public static CallSetup of(String script) {
        long n = SEQUENCE.incrementAndGet();
        return new CallSetup(script, "PJSIP/trunk-%08x".formatted(n), EPOCH_SECONDS + "." + n,
                "0770" + String.format("%06d", n % 1_000_000), "en", "hotline", "1234", 2, List.of(), Map.of());
    }

    public CallSetup withCallerId(String value) {
        return new CallSetup(script, channel, uniqueId, value, language, context, extension, priority, arguments,
                variables);
    }

    public CallSetup withLanguage(String value) {
        return new CallSetup(script, channel, uniqueId, callerId, value, context, extension, priority, arguments,
                variables);
    }

    public CallSetup withArguments(String... values) {
        return new CallSetup(script, channel, uniqueId, callerId, language, context, extension, priority,
                List.of(values), variables);
    }

    public CallSetup withVariables(Map<String, String> values) {
        return new CallSetup(script, channel, uniqueId, callerId, language, context, extension, priority, arguments,
                values);
    }

    /** The header block a real Asterisk 22 sends, ended by the blank line. */
    public String headerBlock(String host, int port) {
        StringBuilder out = new StringBuilder(512);
        line(out, "network", "yes");
        line(out, "network_script", script);
        line(out, "request", "agi://" + host + ":" + port + "/" + script);
        line(out, "channel", channel);
        line(out, "language", language);
        line(out, "type", channel.contains("/") ? channel.substring(0, channel.indexOf('/')) : "Local");
        line(out, "uniqueid", uniqueId);
        line(out, "version", "22.10.1");
        line(out, "callerid", callerId == null ? "unknown" : callerId);
        line(out, "calleridname", "unknown");
        line(out, "callingpres", "0");
        line(out, "callingani2", "0");
        line(out, "callington", "0");
        line(out, "callingtns", "0");
        line(out, "dnid", extension);
        line(out, "rdnis", "unknown");
        line(out, "context", context);
        line(out, "extension", extension);
        line(out, "priority", Integer.toString(priority));
        line(out, "enhanced", "0.0");
        line(out, "accountcode", "");
        line(out, "threadid", Long.toString(140_000_000L + SEQUENCE.get()));
        for (int i = 0; i < arguments.size(); i++) {
            line(out, "arg_" + (i + 1), arguments.get(i));
        }
        return out.append('\n').toString();
    }

    private static void line(StringBuilder out, String key, String value) {
        out.append("agi_").append(key).append(": ").append(value).append('\n');
    }
}
