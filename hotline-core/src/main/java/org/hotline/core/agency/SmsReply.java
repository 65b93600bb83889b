package org.hotline.core.agency;

import java.util.Locale;
import org.hotline.core.referral.SmsReplyCode;

/**
 * An agency's SMS answer to a referral, read from the text of the reply: {@code ACK <code>} or
 * {@code DECLINE <code> <reason>} (keywords in any case; {@code ACKNOWLEDGE} and {@code DEC} are accepted too).
 */
public sealed interface SmsReply {

    int MAX_REASON = 500;

    record Acknowledge(String code) implements SmsReply {}

    record Decline(String code, String reason) implements SmsReply {}

    /** The text could not be read; {@code message} says how to answer, and can be sent back to the sender. */
    record Unreadable(String message) implements SmsReply {}

    String HELP = "Reply ACK <code> or DECLINE <code> <reason>, with the code from the referral message.";

    /** Reads one reply text. */
    public static SmsReply parse(String text) {
        if (text == null || text.isBlank() || text.length() > 1000) {
            return new Unreadable(HELP);
        }
        String[] parts = text.strip().split("\\s+", 3);
        String keyword = parts[0].toUpperCase(Locale.ROOT);
        String code = parts.length > 1 ? SmsReplyCode.normalise(parts[1]) : null;
        boolean ack = keyword.equals("ACK") || keyword.equals("ACKNOWLEDGE");
        boolean decline = keyword.equals("DECLINE") || keyword.equals("DEC");
        if (!ack && !decline) {
            return new Unreadable(HELP);
        }
        if (code == null) {
            return new Unreadable("The code is missing or not valid. " + HELP);
        }
        if (ack) {
            return parts.length == 2 ? new Acknowledge(code) : new Unreadable("ACK takes only the code. " + HELP);
        }
        String reason = parts.length == 3 ? parts[2].strip() : "";
        if (reason.isEmpty() || reason.length() > MAX_REASON) {
            return new Unreadable("A decline needs a reason of 1-" + MAX_REASON + " characters: DECLINE " + code + " <reason>.");
        }
        return new Decline(code, reason);
    }
}
