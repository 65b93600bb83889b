package org.hotline.core.auth.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * One-time recovery codes: ten letters and digits shown as {@code xxxxx-xxxxx} (50 random bits, so a plain salted
 * SHA-256 is enough to store them; no one can try 2^50 codes against the sign-in back-off), stored hashed only.
 */
public final class RecoveryCodes {

    public static final int COUNT = 10;
    /** No 0/o, 1/l/i: codes are read from paper. */
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final int LENGTH = 10;

    private RecoveryCodes() {}

    /** {@value #COUNT} fresh codes. */
    public static List<String> generate(SecureRandom random) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < LENGTH; c++) {
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            codes.add(code.substring(0, LENGTH / 2) + "-" + code.substring(LENGTH / 2));
        }
        return codes;
    }

    /** Whether {@code text} has the form of a recovery code (case, spaces and dashes aside). */
    public static boolean looksLikeOne(String text) {
        String clean = normal(text);
        return clean.length() == LENGTH && clean.chars().allMatch(ch -> ALPHABET.indexOf(ch) >= 0);
    }

    /** The stored form of {@code code} of user {@code userId} (the id salts it). */
    public static String hash(String userId, String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((userId + "\n" + normal(code)).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String normal(String text) {
        return text.toLowerCase(Locale.ROOT).replace("-", "").replace(" ", "");
    }
}
