package org.hotline.bench.ivr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The parent's side of a {@link ServerProcess}: starts it, asks it for heap and thread figures, stops it. */
public final class ServerHandle implements AutoCloseable {

    /** Server JVM figures after GC, and the CPU time the server process has used so far. */
    record JvmStats(long heapBytes, int platformThreads, long cpuNanos, long countingCpuNanos) {}

    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final int port;

    private ServerHandle(Process process, Path log) throws IOException {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = process.outputWriter(StandardCharsets.UTF_8);
        String ready = reply("ready ", 120);
        if (ready == null || !ready.startsWith("ready ")) {
            process.destroyForcibly();
            throw new IOException("server process did not start (said '" + ready + "'); the end of its log:\n"
                    + tail(log, 30));
        }
        this.port = Integer.parseInt(ready.substring("ready ".length()).trim());
    }

    /**
     * Starts a server JVM with the same JDK and class path as this one.
     *
     * @param heap the server's -Xmx, e.g. {@code 2g}
     * @param log where its stderr goes
     */
    static ServerHandle start(ServerKind kind, Path repo, Path work, Path commands, String heap, Path log)
            throws IOException {
        return start(kind, repo, work, commands, heap, log, Map.of());
    }

    /** As {@link #start(ServerKind, Path, Path, Path, String, Path)}, with variables added to its environment. */
    static ServerHandle start(ServerKind kind, Path repo, Path work, Path commands, String heap, Path log,
            Map<String, String> env) throws IOException {
        List<String> args = new ArrayList<>(List.of(kind.label(), repo.toString(), work.toString()));
        if (commands != null) {
            args.add(commands.toString());
        }
        return launch(ServerProcess.class, args, env, heap, log, List.of());
    }

    /**
     * Starts a hotline node JVM whose environment also holds {@code nodeEnv} (e.g. AMI and duty-officer
     * settings), written to a file in {@code work} that {@link ServerProcess} reads.
     */
    public static ServerHandle startHotline(Path repo, Path work, String heap, Path log, Map<String, String> nodeEnv)
            throws IOException {
        List<String> args = List.of(ServerKind.HOTLINE.label(), repo.toString(), work.toString());
        List<String> props = nodeEnv.isEmpty() ? List.of()
                : List.of("-D" + HotlineNode.NODE_ENV_PROPERTY + "=" + HotlineNode.writeNodeEnv(work, nodeEnv));
        return launch(ServerProcess.class, args, Map.of(), heap, log, props);
    }

    /**
     * Starts {@code main} in a JVM of its own with the same JDK, class path and options as the servers under
     * test; it must speak {@link ServerProcess}'s control protocol ({@code ready <port>}, {@code stats}, {@code cpu}).
     */
    static ServerHandle launch(Class<?> main, List<String> args, Map<String, String> env, String heap, Path log)
            throws IOException {
        return launch(main, args, env, heap, log, List.of());
    }

    /**
     * As {@link #launch(Class, List, Map, String, Path)}, every thread at nice {@code nice} (through {@code nice},
     * where it exists): for a stand-in of another organisation's server, which in production has cores of its own.
     */
    static ServerHandle launchNiced(int nice, Class<?> main, List<String> args, Map<String, String> env, String heap,
            Path log) throws IOException {
        List<String> prefix = Files.isExecutable(Path.of("/usr/bin/nice"))
                ? List.of("/usr/bin/nice", "-n", Integer.toString(nice)) : List.of();
        return launch(prefix, main, args, env, heap, log, List.of());
    }

    private static ServerHandle launch(Class<?> main, List<String> args, Map<String, String> env, String heap, Path log,
            List<String> properties) throws IOException {
        return launch(List.of(), main, args, env, heap, log, properties);
    }

    private static ServerHandle launch(List<String> prefix, Class<?> main, List<String> args, Map<String, String> env,
            String heap, Path log, List<String> properties) throws IOException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(serverJvm(heap));
        cmd.addAll(properties);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        return new ServerHandle(builder.start(), log);
    }

    /**
     * The start of the command line of a JVM for code under test, up to its class path: this JVM's {@code java},
     * {@code -Xmx heap}, the service's own collector (as {@code ./hotline run} starts it) unless
     * {@code HOTLINE_BENCH_SERVER_OPTS} names one, and those options.
     */
    public static List<String> serverJvm(String heap) {
        String java = ProcessHandle.current().info().command().orElse("java");
        // Extra options for the servers under test, e.g. a JFR recording or another collector (docs/BENCHMARKS.md).
        String extra = System.getenv("HOTLINE_BENCH_SERVER_OPTS");
        List<String> options = extra == null || extra.isBlank() ? List.of() : List.of(extra.trim().split("\\s+"));
        return serverJvm(java, heap, options, Runtime.version().feature());
    }

    /** {@link #serverJvm(String)} for a given {@code java}, extra options and JDK feature version. */
    static List<String> serverJvm(String java, String heap, List<String> options, int jdk) {
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + heap, "-Dhotline.log.level=warn"));
        if (options.stream().noneMatch(o -> o.matches("-XX:\\+Use\\w+GC"))) {
            // generational ZGC (a switch of its own on JDK 21 and 22), without proactive cycles, as the service
            cmd.add("-XX:+UseZGC");
            if (jdk < 23) {
                cmd.add("-XX:+ZGenerational");
            }
            cmd.add("-XX:-ZProactive");
        }
        cmd.addAll(options);
        return cmd;
    }

    /** The last {@code lines} lines of {@code log}, for an error message (the work folder is removed later). */
    public static String tail(Path log, int lines) {
        try {
            List<String> all = java.nio.file.Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    public int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    JvmStats stats() throws IOException {
        in.write("stats\n");
        in.flush();
        String line = reply("stats ", 60);
        if (line == null || !line.startsWith("stats ")) {
            throw new IOException("server process gave no stats (said '" + line + "')");
        }
        String[] parts = line.split(" ");
        return new JvmStats(Long.parseLong(parts[1]), Integer.parseInt(parts[2]), Long.parseLong(parts[3]),
                Long.parseLong(parts[4]));
    }

    /**
     * What the server did behind a step's calls: how long its back office took to catch up after the last call
     * (ms, -1 when it had not after {@link ServerProcess#DRAIN_LIMIT}), its CPU time and MongoDB round trips so far,
     * and the part of that CPU time its embedded database's threads used (-1 without an embedded database).
     */
    record Drained(long waitedMillis, long cpuNanos, long roundTrips, long embeddedDatabaseCpuNanos) {}

    /** Waits until the node has routed and sent what the calls left (at once for the baselines). */
    Drained drain() throws IOException {
        in.write("drain\n");
        in.flush();
        String line = readLine((int) ServerProcess.DRAIN_LIMIT.toSeconds() + 60);
        if (line == null || !line.startsWith("drained ")) {
            throw new IOException("server process did not drain (said '" + line + "')");
        }
        String[] parts = line.split(" ");
        return new Drained(Long.parseLong(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3]),
                Long.parseLong(parts[4]));
    }

    /** CPU time the server process has used so far (no GC). */
    long cpuNanos() throws IOException {
        in.write("cpu\n");
        in.flush();
        String line = reply("cpu ", 60);
        if (line == null || !line.startsWith("cpu ")) {
            throw new IOException("server process gave no cpu time (said '" + line + "')");
        }
        return Long.parseLong(line.substring(4).trim());
    }

    @Override
    public void close() {
        try {
            in.write("quit\n");
            in.flush();
        } catch (IOException e) {
            // Already gone.
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The next line starting with {@code prefix}, or the last line read when none came within 20 lines. The JVM
     * writes its own warnings to stdout too (a JFR recording's start, "GC locker is held; pre-dump GC was
     * skipped" during a class histogram), between the server's answers.
     */
    private String reply(String prefix, int seconds) throws IOException {
        String line = readLine(seconds);
        for (int skipped = 0; line != null && !line.startsWith(prefix) && skipped < 20; skipped++) {
            line = readLine(seconds);
        }
        return line;
    }

    private String readLine(int seconds) throws IOException {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            return line.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("server process silent for " + seconds + " s", e);
        } catch (ExecutionException e) {
            throw new IOException("reading from the server process failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
