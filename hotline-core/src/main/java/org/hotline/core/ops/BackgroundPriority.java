package org.hotline.core.ops;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the node's background threads a lower operating-system priority (a higher nice value) than the threads
 * a caller waits on, so that storing, routing, dispatch, flushes, sweeps and the embedded database yield the
 * cores to the calls whenever both want them, and take every cycle the calls leave idle.
 *
 * <p>A nice value is a weight, not a ban: at nice 10 a busy background thread still gets about a tenth of a
 * core against a busy call thread, so referrals keep moving (and the danger key's referral with them) even
 * when the calls use both cores. Raising one's own threads' nice value needs no privilege on Linux; the
 * threads are found by name in {@code /proc/self/task}, which covers the pools of libraries (Camel, the
 * embedded server) as well as the node's own, and each new one is reniced once. Elsewhere, or without
 * {@code renice}, the node says so once and runs everything at one priority.
 */
public final class BackgroundPriority implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundPriority.class);

    /**
     * Name prefixes of background threads (as the kernel keeps them: the first 15 characters). The call path
     * (FastAGI accept, virtual-thread carriers, the tip journal's fsync, Vert.x event loops, the AMI client and
     * the duty roster) is not among them. Nor are the collector's threads: a collector held back lets allocation
     * stall the calls themselves.
     */
    public static final List<String> BACKGROUND = List.of(
            "dispatch-", "deadlines-", "tip-router", "tip-writer", "call-log-", "call-record-wri", "intake-form-wri",
            "text-message-wr", "tip-sweeper", "privacy-jobs", "ops-sampler", "pathway-sync", "flow-reloader",
            "mongo-watch", "mongo-server-", "H2-", "Camel (", "wrap-up", "back-office-",
            // the JIT's compiler threads: a node's first minutes compile the back office's code while calls run
            "C1 CompilerThre", "C2 CompilerThre");

    private final Path tasks;
    private final int nice;
    private final List<String> prefixes;
    private final Set<String> done = new HashSet<>();
    private final ScheduledExecutorService scan = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("priorities").daemon(true).factory());
    private volatile boolean failed;

    BackgroundPriority(Path tasks, int nice, List<String> prefixes) {
        this.tasks = tasks;
        this.nice = nice;
        this.prefixes = List.copyOf(prefixes);
    }

    /**
     * Renices this process's background threads to {@code nice} now and every {@code every} (new pool threads);
     * {@code nice} 0 leaves every thread as it is.
     */
    public static BackgroundPriority start(int nice, Duration every) {
        BackgroundPriority p = new BackgroundPriority(Path.of("/proc/self/task"), nice, BACKGROUND);
        if (nice > 0) {
            if (!Files.isDirectory(p.tasks)) {
                LOG.info("Background threads run at the calls' priority: no /proc/self/task on this system");
            } else {
                p.scan.scheduleWithFixedDelay(p::renice, 0, every.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        return p;
    }

    /** Renices the background threads not reniced yet; returns how many it reniced. */
    int renice() {
        if (failed) {
            return 0;
        }
        List<String> fresh = new ArrayList<>();
        Set<String> alive = new HashSet<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(tasks)) {
            for (Path task : dir) {
                String tid = task.getFileName().toString();
                alive.add(tid);
                if (!done.contains(tid) && isBackground(name(task))) {
                    fresh.add(tid);
                }
            }
        } catch (IOException e) {
            return 0;
        }
        done.retainAll(alive); // thread ids are reused once a thread is gone
        if (fresh.isEmpty()) {
            return 0;
        }
        List<String> command = new ArrayList<>(List.of("renice", "-n", Integer.toString(nice), "-p"));
        command.addAll(fresh);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            // renice fails as a whole only when it cannot run; a thread that ended meanwhile is skipped
            done.addAll(fresh);
            return fresh.size();
        } catch (IOException e) {
            failed = true;
            LOG.warn("Background threads run at the calls' priority: cannot run renice ({})", e.getMessage());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private boolean isBackground(String name) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String name(Path task) {
        try {
            return Files.readString(task.resolve("comm")).strip();
        } catch (IOException e) {
            return ""; // the thread ended while we looked
        }
    }

    @Override
    public void close() {
        scan.shutdownNow();
    }
}
