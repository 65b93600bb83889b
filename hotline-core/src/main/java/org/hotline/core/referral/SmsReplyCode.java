package org.hotline.core.referral;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * The short code an agency quotes when it answers a referral by SMS ({@code ACK 4F7Q}). It is derived from the
 * referral id, so it needs no storage and every node computes the same code. The code only tells one of an
 * agency's referrals from another: who may answer is decided by the sender's number, which must be the SMS
 * number the referral was sent to, and by the gateway's signature on its callback.
 */
public final class SmsReplyCode {

    /** Letters and digits that cannot be mistaken for one another on a small screen (no 0/O, 1/I/L). */
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int LENGTH = 4;

    private SmsReplyCode() {}

    /** The code of {@code referralId}: {@value #LENGTH} characters of {@link #ALPHABET}. */
    public static String of(String referralId) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(("sms-reply:" + referralId).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(Byte.toUnsignedInt(digest[i]) % ALPHABET.length()));
        }
        return code.toString();
    }

    /** {@code text} upper-cased when it has the shape of a code, else null. */
    public static String normalise(String text) {
        if (text == null) {
            return null;
        }
        String upper = text.strip().toUpperCase(Locale.ROOT);
        if (upper.length() != LENGTH || upper.chars().anyMatch(c -> ALPHABET.indexOf(c) < 0)) {
            return null;
        }
        return upper;
    }
}
