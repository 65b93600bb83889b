package org.hotline.core.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a staff password must be: at least {@value #MIN_LENGTH} characters, not a common password (the shipped
 * list {@code auth/common-passwords.txt}, compared in lower case without trailing digits and symbols), not
 * repetitive (few distinct characters, one short unit repeated, or a keyboard or alphabet run), and not
 * containing the username. Refusals throw {@link AccountException} {@code weak_password}, saying why.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    private static final int MIN_DISTINCT = 5;
    private static final int MAX_UNIT = 4;
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {}

    public static void check(String username, char[] password) {
        if (password == null || password.length < MIN_LENGTH) {
            throw weak("A password needs at least " + MIN_LENGTH + " characters.");
        }
        String text = new String(password);
        String lower = text.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || COMMON.contains(stripped(lower))) {
            throw weak("That password is among the most common ones; choose another (a few unrelated words work well).");
        }
        if (lower.chars().distinct().count() < MIN_DISTINCT || repeatsUnit(lower) || isRun(lower)) {
            throw weak("That password is too repetitive; choose another (a few unrelated words work well).");
        }
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw weak("A password must not contain the username.");
        }
    }

    /** Without spaces and trailing digits and symbols: "Password 2024!" becomes "password". */
    private static String stripped(String lower) {
        return lower.replace(" ", "").replaceAll("[^a-z]+$", "");
    }

    private static boolean repeatsUnit(String s) {
        for (int unit = 1; unit <= MAX_UNIT && unit < s.length(); unit++) {
            String first = s.substring(0, unit);
            if (first.repeat(s.length() / unit + 1).startsWith(s)) {
                return true;
            }
        }
        return false;
    }

    /** Each character one above (or each one below) the one before: "abcdefghijkl", "987654321098". */
    private static boolean isRun(String s) {
        boolean up = true;
        boolean down = true;
        for (int i = 1; i < s.length(); i++) {
            int step = s.charAt(i) - s.charAt(i - 1);
            up &= step == 1 || (s.charAt(i) == '0' && s.charAt(i - 1) == '9');
            down &= step == -1 || (s.charAt(i) == '9' && s.charAt(i - 1) == '0');
        }
        return up || down;
    }

    private static AccountException weak(String message) {
        return new AccountException("weak_password", message);
    }

    private static Set<String> load() {
        InputStream in = PasswordPolicy.class.getResourceAsStream("/auth/common-passwords.txt");
        if (in == null) {
            throw new IllegalStateException("auth/common-passwords.txt is missing from the class path");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
