package org.hotline.ivr.sim.internal;

import java.util.ArrayList;
import java.util.List;

/** Splits an AGI command line into arguments the way res_agi does: blanks separate, quotes group, backslash escapes. */
final class CommandLine {

    private CommandLine() {}

    static List<String> split(String line) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inQuotes = false;
        boolean inArg = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                current.append(line.charAt(++i));
                inArg = true;
            } else if (c == '"') {
                inQuotes = !inQuotes;
                inArg = true;
            } else if ((c == ' ' || c == '\t') && !inQuotes) {
                if (inArg) {
                    args.add(current.toString());
                    current.setLength(0);
                    inArg = false;
                }
            } else {
                current.append(c);
                inArg = true;
            }
        }
        if (inArg) {
            args.add(current.toString());
        }
        return args;
    }
}
