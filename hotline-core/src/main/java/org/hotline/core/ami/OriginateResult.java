package org.hotline.core.ami;

/**
 * How an originated call's dial ended. {@code reason} is Asterisk's code from {@code OriginateResponse}:
 * 4 answered, 1 or 3 not answered, 5 busy, 8 congestion, 0 no such channel.
 */
public record OriginateResult(boolean answered, int reason, String channelUniqueId) {

    public String reasonText() {
        return switch (reason) {
            case 0 -> "failed";
            case 1, 3 -> "no answer";
            case 4 -> "answered";
            case 5 -> "busy";
            case 8 -> "congestion";
            default -> "other (" + reason + ")";
        };
    }
}
