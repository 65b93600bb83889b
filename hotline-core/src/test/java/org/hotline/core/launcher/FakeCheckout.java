package org.hotline.core.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hotline.core.e2e.TestFiles;

/**
 * A checkout holding the real launcher scripts and a skeleton of the modules, with a PATH of fake tools (JDK,
 * Maven, npm, apt-get, id, promtool, Chromium) that write what they were asked to do to {@code tools.log}. Only
 * the system commands the scripts use are on that PATH, so a tool installed on the test machine does not leak in.
 */
final class FakeCheckout {

    private static final List<String> SYSTEM_COMMANDS = List.of("bash", "sh", "env", "find", "sed", "grep", "touch",
            "cp", "cmp", "mkdir", "rm", "flock", "head", "dirname", "readlink", "cat", "chmod", "printf");

    final Path root;
    final Path bin;
    final Path log;
    final Map<String, String> env = new HashMap<>();

    private FakeCheckout(Path root) {
        this.root = root;
        this.bin = root.resolve(".tools");
        this.log = root.resolve(".tools/tools.log");
    }

    /** A checkout in {@code dir} where every tool is present and the user is not root. */
    static FakeCheckout create(Path dir) throws IOException, InterruptedException {
        FakeCheckout checkout = new FakeCheckout(dir);
        checkout.copyLauncher();
        checkout.writeSources();
        checkout.writeTools();
        checkout.env.put("PATH", checkout.bin.toString());
        checkout.env.put("HOTLINE_JVM_DIR", dir.resolve(".jvm").toString());
        checkout.env.put("CHROMIUM_PATH", checkout.bin.resolve("chromium").toString());
        checkout.env.put("KANNEL_BEARERBOX", checkout.bin.resolve("bearerbox").toString());
        checkout.env.put("KANNEL_FAKESMSC", checkout.bin.resolve("fakesmsc").toString());
        checkout.env.put("FAKE_UID", "1000");
        checkout.env.put("TOOLS_LOG", checkout.log.toString());
        return checkout;
    }

    /** Takes a tool away (e.g. {@code promtool}, {@code chromium}). */
    void remove(String tool) throws IOException {
        Files.delete(bin.resolve(tool));
    }

    /** Runs {@code ./hotline args...}; returns its exit status and everything it printed. */
    Result launcher(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("hotline").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    /** The tool invocations so far, one line each ({@code mvn -B verify}, {@code npm ci ...}, {@code java ...}). */
    List<String> toolCalls() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    record Result(int exit, String output) {}

    private void copyLauncher() throws IOException {
        copy(TestFiles.REPO.resolve("hotline"), root.resolve("hotline"));
        for (String script : List.of("prepare-tests", "test-summary")) {
            copy(TestFiles.REPO.resolve("ops/launcher").resolve(script), root.resolve("ops/launcher").resolve(script));
        }
    }

    private void writeSources() throws IOException {
        write("pom.xml", "<project/>");
        write("hotline-core/pom.xml", "<project/>");
        write("hotline-core/src/main/java/org/hotline/core/HotlineMain.java", "class HotlineMain {}");
        write("hotline-core/src/test/browser/package.json", "{}");
        write("hotline-core/src/test/browser/package-lock.json", "{\"lockfileVersion\": 3}");
        write("pathway-config/examples/national.yaml", "pathway: {}");
    }

    private void writeTools() throws IOException {
        tool(".jvm/jdk-25/bin/java", """
                [ "$1" = -version ] && { echo 'openjdk version "25.0.1" 2025-10-21' >&2; exit 0; }
                echo "java $*" >> "$TOOLS_LOG\"""");
        tool(".jvm/jdk-25/bin/javac", "exit 0");
        // Maven: a package or verify copies hotline-core's target/lib afresh, as the real build does, within the
        // clock's tick of the start (the worst case for comparing times); verify also writes the report of one test
        // skipped for a missing tool.
        tool(".tools/mvn", """
                echo "mvn $*" >> "$TOOLS_LOG"
                rm -rf hotline-core/target/lib
                mkdir -p hotline-core/target/lib hotline-core/target/failsafe-reports
                touch hotline-core/target/lib/vertx-core.jar
                # as fast as the clock's tick: the build's output has the time the test run started at
                [ -f target/.hotline-test-started ] && touch -r target/.hotline-test-started hotline-core/target/lib
                case " $* " in *" verify "*) cat > hotline-core/target/failsafe-reports/TEST-org.hotline.core.ops.PromtoolIT.xml <<'XML'
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" name="org.hotline.core.ops.PromtoolIT" time="0.1" tests="2" errors="0" skipped="1" failures="0">
                  <testcase name="shouldPass" classname="org.hotline.core.ops.PromtoolIT" time="0.1"/>
                  <testcase name="shouldCheck" classname="org.hotline.core.ops.PromtoolIT" time="0"><skipped message="promtool is not installed here (apt-get install -y prometheus)"/></testcase>
                </testsuite>
                XML
                [ -f target/.hotline-test-started ] && touch -r target/.hotline-test-started hotline-core/target/failsafe-reports/*.xml
                ;; esac
                exit "${FAKE_MVN_EXIT:-0}\"""");
        tool(".tools/npm", """
                echo "npm $* in $PWD" >> "$TOOLS_LOG"
                mkdir -p node_modules/playwright-core""");
        tool(".tools/apt-get", "echo \"apt-get $*\" >> \"$TOOLS_LOG\"");
        tool(".tools/id", "echo \"$FAKE_UID\"");
        tool(".tools/promtool", "exit 0");
        tool(".tools/chromium", "exit 0");
        tool(".tools/bearerbox", "exit 0");
        tool(".tools/fakesmsc", "exit 0");
        for (String command : SYSTEM_COMMANDS) {
            Path target = systemCommand(command);
            if (target != null) {
                Files.createSymbolicLink(bin.resolve(command), target);
            }
        }
    }

    private static Path systemCommand(String name) {
        for (String dir : List.of("/usr/bin", "/bin")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private void tool(String path, String body) throws IOException {
        Path file = write(path, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Path write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
