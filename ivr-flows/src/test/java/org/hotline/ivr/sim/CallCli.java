package org.hotline.ivr.sim;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Places one simulated call from the command line and prints what the caller experienced.
 *
 * <pre>CallCli host port [--script hotline] [--lang en] [--caller NUMBER] [PROMPT=KEYS...] [KEYS...]</pre>
 *
 * Each plain KEYS argument is what the caller does at the next prompt that takes input (one argument per such
 * prompt, a beep or a repeated question included): keypad digits, {@code -} to stay silent there, {@code h} to
 * hang up. {@code PROMPT=KEYS} answers the prompt of that sound file name wherever it comes (e.g.
 * {@code pin=1234}), each time it plays, without using a plain argument. Exit status 0 when the call ended with a
 * {@code HOTLINE_STATUS}, 1 when it did not (or no FastAGI server answered), 2 for bad arguments.
 */
public final class CallCli {

    static final String USAGE =
            "usage: CallCli host port [--script hotline] [--lang en] [--caller NUMBER] [PROMPT=KEYS...] [KEYS...]";
    private static final Pattern PROMPT_NAME = Pattern.compile("[A-Za-z0-9_./-]+");

    private CallCli() {}

    /** A parsed command line. */
    public record Request(String host, int port, CallSetup setup, CallerScript caller) {}

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
        if (result.ending() == CallResult.SessionEnd.NOT_CONNECTED) {
            err.println("No FastAGI server answered at " + request.host() + ":" + request.port() + ", so no call was"
                    + " placed. Check that the service runs (./hotline run prints 'hotline: ready (FastAGI port N, ...)')"
                    + " and that HOTLINE_AGI_HOST and HOTLINE_AGI_PORT name its FastAGI host and port.");
            return 1;
        }
        print(result, out);
        if (result.ending() == CallResult.SessionEnd.CONNECTION_LOST && result.exchanges().isEmpty()) {
            err.println("The FastAGI server at " + request.host() + ":" + request.port() + " closed the connection"
                    + " before running a script: see the service's log (over capacity, stopping, or not a FastAGI server?).");
        }
        return result.status() == null ? 1 : 0;
    }

    /** Parses a command line; throws {@link IllegalArgumentException} saying what is wrong with it. */
    public static Request parse(String[] args) {
        if (args.length < 2) {
            throw new IllegalArgumentException("host and port are required");
        }
        int port = port(args[1]);
        String script = "hotline";
        String language = "en";
        String callerId = null;
        List<String> inputs = new ArrayList<>();
        Map<String, List<String>> byPrompt = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--script" -> script = value(args, ++i, "--script");
                case "--lang" -> language = value(args, ++i, "--lang");
                case "--caller" -> callerId = value(args, ++i, "--caller");
                default -> {
                    int equals = args[i].indexOf('=');
                    if (equals < 0) {
                        inputs.add(args[i]);
                    } else {
                        byPrompt.computeIfAbsent(promptName(args[i].substring(0, equals)), k -> new ArrayList<>())
                                .add(args[i].substring(equals + 1));
                    }
                }
            }
        }
        CallSetup setup = CallSetup.of(script).withLanguage(language);
        if (callerId != null) {
            setup = setup.withCallerId(callerId);
        }
        CallerScript caller = CallerScript.silent();
        for (String input : inputs) {
            caller = caller.then(step(input));
        }
        for (Map.Entry<String, List<String>> keyed : byPrompt.entrySet()) {
            for (String input : keyed.getValue()) {
                caller = caller.atPrompt(keyed.getKey(), step(input));
            }
        }
        return new Request(args[0], port, setup, caller);
    }

    private static CallerStep step(String input) {
        return switch (input) {
            case "-" -> new CallerStep.Silence();
            case "h" -> new CallerStep.HangUp();
            default -> {
                if (!CallerStep.KEYPAD.matcher(input).matches()) {
                    throw new IllegalArgumentException("'" + input + "' is not keypad digits (0-9 * #), - or h");
                }
                yield new CallerStep.Press(input);
            }
        };
    }

    private static String promptName(String name) {
        if (!PROMPT_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a prompt name (its sound file, e.g. pin or"
                    + " hotline/pin)");
        }
        return name;
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
