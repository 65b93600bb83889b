package org.hotline.ivr.sim;

import java.util.regex.Pattern;

/** One thing the simulated caller does, in the order of a {@link CallerScript}. */
public sealed interface CallerStep {

    /** Keys a caller can press on a phone keypad. */
    Pattern KEYPAD = Pattern.compile("[0-9*#]+");

    /**
     * The caller waits for the next command that accepts input (STREAM FILE or RECORD FILE with escape
     * digits, GET DATA, WAIT FOR DIGIT, GET OPTION, SAY with escape digits) and presses these keys there.
     * Keys beyond what that command consumes stay pending for the next input command; a prompt that
     * accepts no input discards them, as a real Asterisk does with type-ahead.
     */
    record Press(String digits) implements CallerStep {
        public Press {
            requireKeypad(digits);
        }
    }

    /**
     * The caller presses these keys during the very next prompt or input command, whatever it is. When
     * that command does not accept the first key (a prompt without escape digits), the keys are lost.
     */
    record BargeIn(String digits) implements CallerStep {
        public BargeIn {
            requireKeypad(digits);
        }
    }

    /** The caller says nothing at the next input command: it times out. */
    record Silence() implements CallerStep {}

    /** The caller hangs up while the next prompt or input command runs (it returns {@code result=-1}). */
    record HangUp() implements CallerStep {}

    /**
     * The caller hangs up between commands, right after the previous step was used: the next command
     * meets a dead channel ({@code HANGUP} line, then 511 for media commands).
     */
    record HangUpNow() implements CallerStep {}

    private static void requireKeypad(String digits) {
        if (digits == null || !KEYPAD.matcher(digits).matches()) {
            throw new IllegalArgumentException("caller keys must be one or more of 0-9, * and #, got '" + digits + "'");
        }
    }
}
