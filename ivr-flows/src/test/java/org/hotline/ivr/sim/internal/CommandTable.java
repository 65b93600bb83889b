package org.hotline.ivr.sim.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hotline.ivr.sim.CallResult.Violation.Kind;

/** Finds the command a line names (case-insensitive, longest match first) and runs it as res_agi would. */
final class CommandTable {

    /** Real AGI commands the simulator does not model; they are answered 510 and reported. */
    private static final List<String> NOT_SIMULATED = List.of("ASYNCAGI BREAK", "GOSUB", "RECEIVE CHAR",
            "RECEIVE TEXT", "SEND IMAGE", "SEND TEXT", "TDD MODE", "SPEECH");

    private final List<Command> commands;

    CommandTable() {
        List<Command> all = new ArrayList<>(MediaCommands.all());
        all.addAll(ChannelCommands.all());
        all.sort(Comparator.comparingInt(Command::wordCount).reversed());
        this.commands = List.copyOf(all);
    }

    /** Runs one command line against the call and returns the reply lines (without any HANGUP line). */
    List<String> run(CallState call, String line) {
        List<String> words = CommandLine.split(line);
        Optional<Command> found = find(words);
        if (found.isEmpty()) {
            String upper = line.toUpperCase(Locale.ROOT);
            boolean known = NOT_SIMULATED.stream().anyMatch(upper::startsWith);
            call.violation(known ? Kind.NOT_SIMULATED : Kind.UNKNOWN_COMMAND, line);
            return List.of(Command.UNKNOWN);
        }
        Command command = found.get();
        if (!call.alive && !command.allowedOnDeadChannel()) {
            call.violation(Kind.DEAD_CHANNEL, line);
            return List.of(Command.DEAD_CHANNEL);
        }
        List<String> reply = command.handler().handle(call, words.subList(command.wordCount(), words.size()));
        if (reply == null) {
            call.violation(Kind.BAD_SYNTAX, line);
            return command.usageReply();
        }
        return reply;
    }

    private Optional<Command> find(List<String> words) {
        for (Command command : commands) {
            String[] names = command.name().split(" ");
            if (names.length <= words.size() && matches(names, words)) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }

    private static boolean matches(String[] names, List<String> words) {
        for (int i = 0; i < names.length; i++) {
            if (!names[i].equalsIgnoreCase(words.get(i))) {
                return false;
            }
        }
        return true;
    }
}
