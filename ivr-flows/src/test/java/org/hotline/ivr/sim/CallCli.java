package org.hotline.ivr.sim;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Places one simulated call from the command line and prints what the caller experienced.
 *
 * <pre>CallCli host port [--script hotline] [--lang en] [--caller NUMBER] DIGITS...</pre>
 *
 * Each DIGITS argument is what the caller presses at the next input prompt; {@code -} stays silent there and
 * {@code h} hangs up. Exit status 0 when the call ended with a {@code HOTLINE_STATUS}, 1 when it did not,
 * 2 for bad arguments.
 */
public final class CallCli {

    static final String USAGE = "usage: CallCli host port [--script hotline] [--lang en] [--caller NUMBER] DIGITS...";

    private CallCli() {}

    /** A parsed command line. */
    record Request(String host, int port, CallSetup setup, CallerScript caller) {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Request request;
        try {
            request = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        CallResult result = new AsteriskSimulator(request.host(), request.port()).call(request.setup(), request.caller());
        print(result, out);
        return result.status() == null ? 1 : 0;
    }

    static Request parse(String[] args) {
        if (args.length < 2) {
            throw new IllegalArgumentException("host and port are required");
        }
        int port = port(args[1]);
        String script = "hotline";
        String language = "en";
        String callerId = null;
        List<String> inputs = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--script" -> script = value(args, ++i, "--script");
                case "--lang" -> language = value(args, ++i, "--lang");
                case "--caller" -> callerId = value(args, ++i, "--caller");
                default -> inputs.add(args[i]);
            }
        }
        CallSetup setup = CallSetup.of(script).withLanguage(language);
        if (callerId != null) {
            setup = setup.withCallerId(callerId);
        }
        return new Request(args[0], port, setup, caller(inputs));
    }

    private static CallerScript caller(List<String> inputs) {
        CallerScript caller = CallerScript.silent();
        for (String input : inputs) {
            caller = switch (input) {
                case "-" -> caller.silence();
                case "h" -> caller.hangUp();
                default -> {
                    if (!CallerStep.KEYPAD.matcher(input).matches()) {
                        throw new IllegalArgumentException("'" + input + "' is not keypad digits (0-9 * #), - or h");
                    }
                    yield caller.press(input);
                }
            };
        }
        return caller;
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the offending text
        }
        throw new IllegalArgumentException("port must be 1-65535, got '" + text + "'");
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    static void print(CallResult result, PrintStream out) {
        out.println("Prompts heard:");
        result.prompts().forEach(p -> out.println("  " + p.file() + " (" + p.language() + ")"));
        out.println("Digits spoken: " + String.join(" | ", result.digitsSaid()));
        out.println("Variables set:");
        result.variables().forEach((name, value) -> out.println("  " + name + "=" + value));
        result.violations().forEach(v -> out.println("Protocol problem at command " + v.commandNumber() + ": "
                + v.kind() + " " + v.detail()));
        out.println("Ended: " + result.ending() + (result.callerHungUp() ? " (caller hung up)" : ""));
        out.println("Status: " + (result.status() == null ? "none" : result.status()));
    }
}
