package org.hotline.core.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs {@link PrivacyCli} in-process for tests in other packages; standard output and error go to {@code out}. */
public final class PrivacyCliAccess {

    private PrivacyCliAccess() {}

    public static int run(Map<String, String> env, ByteArrayOutputStream out, String... args) {
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        return PrivacyCli.run(args, env, stream, stream);
    }
}
