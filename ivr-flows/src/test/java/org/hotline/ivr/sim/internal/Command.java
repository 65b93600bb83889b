package org.hotline.ivr.sim.internal;

import java.util.List;

/** One AGI command the simulator understands: its words, whether a dead channel allows it, and its handler. */
record Command(String name, boolean allowedOnDeadChannel, String usage, Handler handler) {

    static final String DEAD_CHANNEL = "511 Command Not Permitted on a dead channel or intercept routine";
    static final String UNKNOWN = "510 Invalid or unknown command";

    int wordCount() {
        return name.split(" ").length;
    }

    /** The multi-line reply res_agi gives when the arguments do not fit the command's syntax. */
    List<String> usageReply() {
        return List.of("520-Invalid command syntax.  Proper usage follows:", " Usage: " + usage,
                "520 End of proper usage.");
    }

    @FunctionalInterface
    interface Handler {
        /** Returns the reply lines, or null when the arguments do not fit the syntax (a 520 reply). */
        List<String> handle(CallState call, List<String> args);
    }

    static List<String> ok(Object result) {
        return List.of("200 result=" + result);
    }
}
