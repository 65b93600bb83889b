package org.hotline.bench.dispatch;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hotline.bench.ivr.ServerHandle;
import org.hotline.bench.report.BenchReport.Throughput;

/**
 * The dispatch benchmark in a JVM of its own, started as the service is started (its collector, generational ZGC,
 * unless {@code HOTLINE_BENCH_SERVER_OPTS} names another): the node's dispatch runs under the node's collector in
 * production, not under the harness's, whose default (G1) paused every few seconds for 9-14 ms in the middle of
 * deliveries. Both paths, the raw POST and the hotline's, run in that one JVM, so they still share everything.
 * Prints one line, {@code dispatch <JSON list of results>}, on stdout.
 */
public final class DispatchProcess {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "dispatch ";

    private DispatchProcess() {}

    /** {@code DispatchProcess DIR AGENCIES TIPS_PER_SECOND TIPS} */
    public static void main(String[] args) throws Exception {
        System.err.println("dispatch: JVM " + ProcessHandle.current().pid() + ", collectors "
                + java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(java.lang.management.GarbageCollectorMXBean::getName).toList());
        List<Throughput> results = DispatchBench.run(Path.of(args[0]), Integer.parseInt(args[1]),
                Double.parseDouble(args[2]), Integer.parseInt(args[3]));
        System.out.println(PREFIX + JSON.writeValueAsString(results));
        System.out.flush();
        System.exit(0);
    }

    /**
     * Runs {@link DispatchBench#run} in a JVM of its own with {@code heap}; its stderr goes to {@code dir/dispatch.log}.
     *
     * @throws IOException when the JVM fails or gives no results (with the end of its log)
     */
    public static List<Throughput> run(Path dir, int agencies, double tipsPerSecond, int tips, String heap)
            throws IOException, InterruptedException {
        Path log = dir.resolve("dispatch.log");
        List<String> cmd = new ArrayList<>(ServerHandle.serverJvm(heap));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), DispatchProcess.class.getName(),
                dir.toString(), Integer.toString(agencies), Double.toString(tipsPerSecond), Integer.toString(tips)));
        Process process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        String results = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith(PREFIX)) {
                    results = line.substring(PREFIX.length());
                }
            }
        } finally {
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                // it printed its results and did not exit: stop it, so its exit status below can be read
                process.destroyForcibly().waitFor();
            }
        }
        if (results == null || process.exitValue() != 0) {
            throw new IOException("the dispatch benchmark's JVM failed (exit " + process.exitValue()
                    + "); the end of its log:\n" + ServerHandle.tail(log, 30));
        }
        return JSON.readValue(results, new TypeReference<List<Throughput>>() { });
    }
}
