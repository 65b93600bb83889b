package org.hotline.ivr.sim.internal;

import java.time.Duration;
import java.util.List;
import org.hotline.ivr.sim.CallResult;

/** Commands that play sound or wait for the caller: they meet the caller's keys, silences and hang-ups. */
final class MediaCommands {

    /** Samples (8 kHz) a simulated prompt lasts when played to the end. */
    static final long PROMPT_SAMPLES = 24_000;
    /** Samples a simulated recorded message lasts when the caller ends it. */
    static final long MESSAGE_SAMPLES = 7_200;
    private static final String ALL_KEYS = null;

    private MediaCommands() {}

    static List<Command> all() {
        return List.of(
                new Command("ANSWER", false, "ANSWER", MediaCommands::answer),
                new Command("STREAM FILE", false, "STREAM FILE <filename> <escape_digits> [<sample offset>]",
                        (call, args) -> stream(call, args, true)),
                new Command("CONTROL STREAM FILE", false,
                        "CONTROL STREAM FILE <filename> <escape_digits> [<skipms>] [<ffchar>] [<rewchr>] [<pausechr>] [<offsetms>]",
                        (call, args) -> stream(call, args, false)),
                new Command("GET OPTION", false, "GET OPTION <filename> <escape_digits> [<timeout>]",
                        (call, args) -> stream(call, args, true)),
                new Command("WAIT FOR DIGIT", false, "WAIT FOR DIGIT <timeout>", MediaCommands::waitForDigit),
                new Command("GET DATA", false, "GET DATA <file to be streamed> [<timeout>] [<maxdigits>]",
                        MediaCommands::getData),
                new Command("RECORD FILE", false,
                        "RECORD FILE <filename> <format> <escape_digits> <timeout> [<offset samples>] [<BEEP>] [<s=silence>]",
                        MediaCommands::record),
                say("DIGITS", CallResult.Spoken.Kind.DIGITS, true),
                say("NUMBER", CallResult.Spoken.Kind.NUMBER, true),
                say("ALPHA", CallResult.Spoken.Kind.ALPHA, false),
                say("PHONETIC", CallResult.Spoken.Kind.OTHER, false),
                say("DATE", CallResult.Spoken.Kind.OTHER, true),
                say("TIME", CallResult.Spoken.Kind.OTHER, true),
                say("DATETIME", CallResult.Spoken.Kind.OTHER, true));
    }

    private static List<String> answer(CallState call, List<String> args) {
        call.answered = true;
        return Command.ok(0);
    }

    private static List<String> stream(CallState call, List<String> args, boolean withEndpos) {
        int max = withEndpos ? 3 : 7;
        if (args.size() < 2 || args.size() > max) {
            return null;
        }
        String file = args.get(0);
        String escapes = args.get(1);
        String endpos = withEndpos ? " endpos=" : "";
        if (!call.soundExists(file)) {
            return List.of("200 result=-1" + (withEndpos ? endpos + 0 : ""));
        }
        call.heard(file);
        CallState.Event event = call.during(!escapes.isEmpty(), escapes, Duration.ofSeconds(3));
        return switch (event) {
            case CallState.Event.Keys keys -> {
                call.giveBack(keys.digits().substring(1));
                yield List.of("200 result=" + (int) keys.digits().charAt(0) + (withEndpos ? endpos + PROMPT_SAMPLES / 2 : ""));
            }
            case CallState.Event.Quiet quiet -> List.of("200 result=0" + (withEndpos ? endpos + PROMPT_SAMPLES : ""));
            case CallState.Event.CallerGone gone -> List.of("200 result=-1" + (withEndpos ? endpos + PROMPT_SAMPLES / 3 : ""));
        };
    }

    private static List<String> waitForDigit(CallState call, List<String> args) {
        Long timeout = args.size() == 1 ? integer(args.get(0)) : null;
        if (timeout == null) {
            return null;
        }
        return switch (call.during(true, ALL_KEYS, Duration.ofMillis(timeout))) {
            case CallState.Event.Keys keys -> {
                call.giveBack(keys.digits().substring(1));
                yield Command.ok((int) keys.digits().charAt(0));
            }
            case CallState.Event.Quiet quiet -> Command.ok(0);
            case CallState.Event.CallerGone gone -> Command.ok(-1);
        };
    }

    private static List<String> getData(CallState call, List<String> args) {
        if (args.isEmpty() || args.size() > 3) {
            return null;
        }
        long timeout = args.size() >= 2 ? orDefault(integer(args.get(1)), 0) : 0;
        long maxDigits = args.size() == 3 ? orDefault(integer(args.get(2)), 1024) : 1024;
        String file = args.get(0);
        if (!file.isEmpty() && call.soundExists(file)) {
            call.heard(file);
        }
        return switch (call.during(true, ALL_KEYS, Duration.ofMillis(timeout > 0 ? timeout : 5_000))) {
            case CallState.Event.Keys keys -> collect(call, keys.digits(), maxDigits <= 0 ? 1024 : maxDigits);
            case CallState.Event.Quiet quiet -> List.of("200 result= (timeout)");
            case CallState.Event.CallerGone gone -> Command.ok(-1);
        };
    }

    private static List<String> collect(CallState call, String keys, long maxDigits) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < keys.length(); i++) {
            char key = keys.charAt(i);
            if (key == '#') {
                call.giveBack(keys.substring(i + 1));
                return Command.ok(digits);
            }
            digits.append(key);
            if (digits.length() == maxDigits) {
                call.giveBack(keys.substring(i + 1));
                return Command.ok(digits);
            }
        }
        return List.of("200 result=" + digits + " (timeout)");
    }

    private static List<String> record(CallState call, List<String> args) {
        Long timeout = args.size() >= 4 ? integer(args.get(3)) : null;
        if (timeout == null) {
            return null;
        }
        String file = args.get(0);
        String format = args.get(1);
        String escapes = args.get(2);
        if (args.stream().skip(4).anyMatch("BEEP"::equalsIgnoreCase) && call.soundExists("beep")) {
            call.heard("beep");
        }
        long timeoutSamples = timeout < 0 ? MESSAGE_SAMPLES * 10 : timeout * 8;
        return switch (call.during(!escapes.isEmpty(), escapes, Duration.ofMillis(timeout))) {
            case CallState.Event.Keys keys -> {
                call.giveBack(keys.digits().substring(1));
                call.recordings.add(new CallResult.Recording(file, format, "dtmf", MESSAGE_SAMPLES));
                yield List.of("200 result=" + (int) keys.digits().charAt(0) + " (dtmf) endpos=" + MESSAGE_SAMPLES);
            }
            case CallState.Event.Quiet quiet -> {
                call.recordings.add(new CallResult.Recording(file, format, "timeout", timeoutSamples));
                yield List.of("200 result=0 (timeout) endpos=" + timeoutSamples);
            }
            case CallState.Event.CallerGone gone -> {
                call.recordings.add(new CallResult.Recording(file, format, "hangup", MESSAGE_SAMPLES / 2));
                yield List.of("200 result=-1 (hangup) endpos=" + MESSAGE_SAMPLES / 2);
            }
        };
    }

    private static Command say(String what, CallResult.Spoken.Kind kind, boolean numeric) {
        return new Command("SAY " + what, false, "SAY " + what + " <value> <escape digits>", (call, args) -> {
            if (args.size() < 2 || args.size() > 3 || (numeric && integer(leadingNumber(args.get(0))) == null)) {
                return null;
            }
            call.spoken.add(new CallResult.Spoken(kind, args.get(0), call.language));
            String escapes = args.get(1);
            return switch (call.during(!escapes.isEmpty(), escapes, Duration.ofSeconds(2))) {
                case CallState.Event.Keys keys -> {
                    call.giveBack(keys.digits().substring(1));
                    yield Command.ok((int) keys.digits().charAt(0));
                }
                case CallState.Event.Quiet quiet -> Command.ok(0);
                case CallState.Event.CallerGone gone -> Command.ok(-1);
            };
        });
    }

    private static String leadingNumber(String value) {
        int end = value.startsWith("-") ? 1 : 0;
        while (end < value.length() && Character.isDigit(value.charAt(end))) {
            end++;
        }
        return value.substring(0, end);
    }

    static Long integer(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long orDefault(Long value, long fallback) {
        return value == null ? fallback : value;
    }
}
