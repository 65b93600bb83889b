package org.hotline.core.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the Playwright scripts of {@code src/test/browser} (headless Debian Chromium) from JUnit. playwright-core
 * is installed by {@code ./hotline test} under {@code target/browser} (never below {@code src}); the scripts are
 * copied beside it so node resolves it. Without Chromium, node or playwright-core the calling test fails when
 * {@code CI=true} and is skipped elsewhere. The scripts get the second factors {@link Staff} knows
 * ({@code HOTLINE_TOTP}) and report back the ones they enrol or use.
 */
public final class BrowserScripts {

    public static final Path DIR = Path.of("src/test/browser");
    /** Where {@code ./hotline test} runs {@code npm ci}: playwright-core is in its {@code node_modules}. */
    public static final Path INSTALLED = Path.of("target/browser");
    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

    private BrowserScripts() {}

    /** What a script printed (all lines, in order) and its exit code. */
    public record Run(int exitCode, List<String> lines) {

        /** The last line: the script's JSON summary. */
        public String last() {
            return lines.isEmpty() ? "" : lines.getLast();
        }
    }

    /** Fails (on CI) or skips (elsewhere) the test when a browser tool is missing. */
    public static void require() {
        String missing = null;
        if (!Files.isExecutable(CHROMIUM)) {
            missing = "Chromium at " + CHROMIUM + " (apt-get install -y chromium)";
        } else if (!Files.isDirectory(INSTALLED.resolve("node_modules/playwright-core"))) {
            missing = "playwright-core in hotline-core/" + INSTALLED + " (./hotline test installs it with npm ci)";
        } else if (!nodeRuns()) {
            missing = "node on the PATH";
        }
        if (missing != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("The browser test needs " + missing + "; CI must install it (.ci/run).");
            }
            Assumptions.abort("Browser test skipped outside CI: missing " + missing);
        }
    }

    /** Where screenshots go: {@code <build dir>/screenshots} ({@code target} or the {@code build.subdir} in use). */
    public static Path screenshots() {
        try {
            return Path.of(BrowserScripts.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent()
                    .resolve("screenshots");
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs {@code node <script> args...}, handing each output line to {@code onLine} as it comes (scripts print
     * step markers the test reacts to); fails the test after {@code timeoutSeconds}.
     */
    public static Run run(String script, List<String> args, long timeoutSeconds, Consumer<String> onLine)
            throws IOException, InterruptedException {
        copyScripts();
        List<String> command = new ArrayList<>(List.of("node", INSTALLED.resolve(script).toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // the second factors Staff enrolled, so a script signs in with codes of steps not used yet
        builder.environment().put("HOTLINE_TOTP", Staff.factorsJson());
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    recordFactor(line);
                    onLine.accept(line);
                }
            } catch (IOException e) {
                synchronized (lines) {
                    lines.add("reading the script's output failed: " + e.getMessage());
                }
            }
        });
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("the browser script " + script + " did not finish within " + timeoutSeconds + " s: " + lines);
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        synchronized (lines) {
            return new Run(process.exitValue(), List.copyOf(lines));
        }
    }

    /** A {@code {"totp": {base, username, secret, step}}} line: a factor the script enrolled or a step it used. */
    private static void recordFactor(String line) {
        if (!line.startsWith("{\"totp\":")) {
            return;
        }
        io.vertx.core.json.JsonObject totp = new io.vertx.core.json.JsonObject(line).getJsonObject("totp");
        Staff.used(java.net.URI.create(totp.getString("base")).getPort(), totp.getString("username"),
                totp.getString("secret"), totp.getLong("step"));
    }

    /** Copies the scripts beside the installed node_modules, where node's ES module resolution finds it. */
    private static void copyScripts() throws IOException {
        try (var scripts = Files.newDirectoryStream(DIR, "*.mjs")) {
            for (Path script : scripts) {
                Files.copy(script, INSTALLED.resolve(script.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static boolean nodeRuns() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
