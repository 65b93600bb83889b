package org.hotline.ivr.sim.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.ivr.sim.CallResult;

/** Commands about the channel itself: variables, applications, hang-up and no-ops. */
final class ChannelCommands {

    private static final String LANGUAGE_FUNCTION = "CHANNEL(language)";
    private static final Pattern VARIABLE_REFERENCE = Pattern.compile("\\$\\{([^}]+)}");
    /** Dialplan applications the simulated Asterisk has; any other name answers {@code result=-2}. */
    private static final Set<String> APPLICATIONS = Set.of("playback", "background", "dial", "queue", "set", "wait",
            "noop", "answer", "ringing", "progress", "verbose", "log", "goto", "gosub", "musiconhold", "echo",
            "hangup", "transfer", "system", "saydigits", "saynumber", "busy", "congestion", "read", "record");

    private ChannelCommands() {}

    static List<Command> all() {
        return List.of(
                new Command("NOOP", true, "NOOP", (call, args) -> Command.ok(0)),
                new Command("VERBOSE", true, "VERBOSE <message> <level>",
                        (call, args) -> args.isEmpty() || args.size() > 2 ? null : Command.ok(1)),
                new Command("HANGUP", true, "HANGUP [<channelname>]", ChannelCommands::hangup),
                new Command("SET VARIABLE", true, "SET VARIABLE <variablename> <value>", ChannelCommands::setVariable),
                new Command("GET VARIABLE", true, "GET VARIABLE <variablename>", ChannelCommands::getVariable),
                new Command("GET FULL VARIABLE", true, "GET FULL VARIABLE <expression> [<channelname>]",
                        ChannelCommands::getFullVariable),
                new Command("EXEC", true, "EXEC <application> <options>", ChannelCommands::exec),
                new Command("CHANNEL STATUS", false, "CHANNEL STATUS [<channelname>]",
                        (call, args) -> args.size() > 1 ? null : Command.ok(call.answered ? 6 : 4)),
                fixed("SET CONTEXT", "SET CONTEXT <desired context>", 1, 0),
                fixed("SET EXTENSION", "SET EXTENSION <new extension>", 1, 0),
                fixed("SET PRIORITY", "SET PRIORITY <priority>", 1, 0),
                fixed("SET CALLERID", "SET CALLERID <number>", 1, 1),
                fixed("SET AUTOHANGUP", "SET AUTOHANGUP <time>", 1, 0),
                fixed("SET MUSIC", "SET MUSIC <on|off> <class>", 2, 0),
                fixed("DATABASE GET", "DATABASE GET <family> <key>", 2, 0),
                fixed("DATABASE PUT", "DATABASE PUT <family> <key> <value>", 3, 1),
                fixed("DATABASE DEL", "DATABASE DEL <family> <key>", 2, 1),
                fixed("DATABASE DELTREE", "DATABASE DELTREE <family> [<keytree>]", 2, 1));
    }

    private static Command fixed(String name, String usage, int maxArgs, int result) {
        return new Command(name, name.startsWith("DATABASE"), usage,
                (call, args) -> args.isEmpty() || args.size() > maxArgs ? null : Command.ok(result));
    }

    private static List<String> hangup(CallState call, List<String> args) {
        if (args.size() > 1) {
            return null;
        }
        if (args.size() == 1 && !args.get(0).equals(call.setup.channel())) {
            return Command.ok(-1);
        }
        if (call.alive) {
            call.scriptHangsUp();
        }
        return Command.ok(1);
    }

    private static List<String> setVariable(CallState call, List<String> args) {
        if (args.size() != 2) {
            return null;
        }
        set(call, args.get(0), args.get(1));
        return Command.ok(1);
    }

    private static void set(CallState call, String name, String value) {
        if (LANGUAGE_FUNCTION.equalsIgnoreCase(name)) {
            call.language = value;
        }
        call.channelVariables.put(name, value);
        call.variablesSet.put(name, value);
    }

    private static List<String> getVariable(CallState call, List<String> args) {
        if (args.size() != 1) {
            return null;
        }
        String value = lookup(call, args.get(0));
        return value == null ? Command.ok(0) : List.of("200 result=1 (" + value + ")");
    }

    private static List<String> getFullVariable(CallState call, List<String> args) {
        if (args.isEmpty() || args.size() > 2) {
            return null;
        }
        Matcher matcher = VARIABLE_REFERENCE.matcher(args.get(0));
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = lookup(call, matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        matcher.appendTail(out);
        return List.of("200 result=1 (" + out + ")");
    }

    private static String lookup(CallState call, String name) {
        if (LANGUAGE_FUNCTION.equalsIgnoreCase(name)) {
            return call.language;
        }
        if ("CALLERID(num)".equalsIgnoreCase(name)) {
            return call.setup.callerId();
        }
        if ("UNIQUEID".equals(name)) {
            return call.setup.uniqueId();
        }
        return call.channelVariables.get(name);
    }

    private static List<String> exec(CallState call, List<String> args) {
        if (args.isEmpty()) {
            return null;
        }
        String app = args.get(0);
        String options = String.join(" ", args.subList(1, args.size()));
        call.applications.add(new CallResult.AppCall(app, options));
        String key = app.toLowerCase(Locale.ROOT);
        if (!APPLICATIONS.contains(key)) {
            return Command.ok(-2);
        }
        return switch (key) {
            case "set" -> execSet(call, options);
            case "noop", "verbose", "log", "goto", "gosub", "system" -> Command.ok(0);
            case "hangup" -> {
                if (call.alive) {
                    call.scriptHangsUp();
                }
                yield Command.ok(-1);
            }
            default -> call.alive ? execMedia(call, key, options) : Command.ok(-1);
        };
    }

    private static List<String> execSet(CallState call, String options) {
        int eq = options.indexOf('=');
        if (eq > 0) {
            set(call, options.substring(0, eq), options.substring(eq + 1));
        }
        return Command.ok(0);
    }

    private static List<String> execMedia(CallState call, String app, String options) {
        if (app.equals("playback") || app.equals("background")) {
            String files = options.split(",", 2)[0];
            boolean allFound = true;
            for (String file : files.split("&")) {
                if (call.soundExists(file)) {
                    call.heard(file);
                } else {
                    allFound = false;
                }
            }
            call.channelVariables.put("PLAYBACKSTATUS", allFound ? "SUCCESS" : "FAILED");
        }
        if (call.during(false, "", Duration.ZERO) instanceof CallState.Event.CallerGone) {
            return Command.ok(-1);
        }
        switch (app) {
            case "dial" -> call.channelVariables.put("DIALSTATUS", "ANSWER");
            case "queue" -> call.channelVariables.put("QUEUESTATUS", "TIMEOUT");
            default -> { }
        }
        return Command.ok(0);
    }
}
