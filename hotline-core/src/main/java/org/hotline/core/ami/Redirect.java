package org.hotline.core.ami;

import java.util.regex.Pattern;

/**
 * Moves a live channel to {@code context,exten,1} ({@code Redirect}); with {@code extraChannel} Asterisk moves
 * a second channel at the same time (a "dual redirect", used to take both sides of a bridged call somewhere
 * together, so neither is left alone). Empty {@code extra*} fields mean a single redirect.
 */
public record Redirect(String channel, String context, String exten, String extraChannel, String extraContext,
        String extraExten) {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_/@.+:;-]{1,120}");

    public Redirect {
        // values go into AMI header lines; a CR/LF would inject headers
        requireSafe("channel", channel);
        requireSafe("context", context);
        requireSafe("exten", exten);
        boolean dual = !extraChannel.isEmpty();
        if (dual) {
            requireSafe("extraChannel", extraChannel);
            requireSafe("extraContext", extraContext);
            requireSafe("extraExten", extraExten);
        } else if (!extraContext.isEmpty() || !extraExten.isEmpty()) {
            throw new IllegalArgumentException("extraContext and extraExten need an extraChannel");
        }
    }

    public static Redirect one(String channel, String context, String exten) {
        return new Redirect(channel, context, exten, "", "", "");
    }

    public static Redirect both(String channel, String context, String exten, String extraChannel,
            String extraContext, String extraExten) {
        return new Redirect(channel, context, exten, extraChannel, extraContext, extraExten);
    }

    public boolean dual() {
        return !extraChannel.isEmpty();
    }

    private static void requireSafe(String what, String value) {
        if (value == null || !SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be 1-120 characters of letters, digits and _/@.+:;-");
        }
    }
}
