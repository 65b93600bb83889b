package org.hotline.core.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.core.node.HotlineMain;

/** A hotline node in its own JVM, as production runs it, so a test can kill it with SIGKILL. */
public final class NodeProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("hotline: ready \\(FastAGI port (\\d+), HTTP port (\\d+)\\)");

    private final Process process;
    private final int agiPort;
    private final int httpPort;

    private NodeProcess(Process process, int agiPort, int httpPort) {
        this.process = process;
        this.agiPort = agiPort;
        this.httpPort = httpPort;
    }

    /** Starts {@link HotlineMain} with {@code env} and waits until it says it is ready. */
    public static NodeProcess start(Map<String, String> env, Path log) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        // C1 only: a test node starts about twice as fast on a busy 2-core machine; it never runs long
        // enough for C2 to pay off.
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), HotlineMain.class.getName()));
        builder.environment().putAll(env);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        CompletableFuture<int[]> ready = new CompletableFuture<>();
        Thread.ofPlatform().daemon(true).start(() -> pump(process, log, ready));
        try {
            int[] ports = ready.get(60, TimeUnit.SECONDS);
            return new NodeProcess(process, ports[0], ports[1]);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("node did not become ready; see " + log, e);
        }
    }

    public int agiPort() {
        return agiPort;
    }

    public int httpPort() {
        return httpPort;
    }

    /** SIGKILL: no shutdown hook, no flush, exactly like a power cut of the process. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * SIGTERM: the node drains (finishes calls in progress) and exits; returns at once. Sent through the
     * process handle, which unlike {@link Process#destroy()} keeps reading the node's output into its log.
     */
    public void terminate() {
        process.toHandle().destroy();
    }

    /** Waits for the process to end and returns its exit status; -1 when it is still running after {@code timeout}. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static void pump(Process process, Path log, CompletableFuture<int[]> ready) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             var out = java.nio.file.Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                     java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line);
                out.newLine();
                out.flush();
                Matcher m = READY.matcher(line);
                if (m.find()) {
                    ready.complete(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IllegalStateException("process ended before it was ready"));
    }
}
