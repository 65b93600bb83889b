package org.hotline.core.ops;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the node's background threads a lower operating-system priority than the threads a caller waits on, so
 * that storing, routing, dispatch, flushes, sweeps, the embedded database and the JIT yield the cores to the
 * calls whenever both want them, and take every cycle the calls leave idle.
 *
 * <p>Each background thread gets the nice value {@code HOTLINE_BACKGROUND_NICE} and, where the node may take it
 * back, the {@code SCHED_IDLE} policy: then a call's thread that wakes takes a core from a background thread at
 * once, where at a nice value alone it may wait for the background thread's time slice (up to about 1.5 ms on
 * two cores; docs/BENCHMARKS.md). {@code SCHED_IDLE} is close to a ban, though: calls that keep every core busy
 * would starve the back office, and the danger key's referral with it. So every scan measures how long the
 * background threads waited for a core; while one of them waited most of the time, all of them are back under
 * {@code SCHED_OTHER} at their nice value (about a tenth of a core each against a busy call thread at nice 10),
 * until they have waited little for a few scans.
 *
 * <p>Raising one's own threads' nice value and entering {@code SCHED_IDLE} need no privilege on Linux; leaving
 * {@code SCHED_IDLE} needs {@code RLIMIT_NICE} to cover the nice value (systemd: {@code LimitNICE=+10}), which
 * the node tries once at start: without it the background stays at its nice value only. The threads are found
 * by name in {@code /proc/self/task}, which covers the pools of libraries (Camel, the embedded server) as well
 * as the node's own. Elsewhere, or without {@code renice}, the node says so once and runs everything at one
 * priority.
 */
public final class BackgroundPriority implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundPriority.class);
    /** A background thread that waited for a core more than this share of a scan's time is starved. */
    static final double STARVED_SHARE = 0.5;
    /** Below this share of waiting, for {@link #CALM_SCANS} scans in a row, the background goes back to idle. */
    static final double CALM_SHARE = 0.1;
    static final int CALM_SCANS = 3;
    static final Duration MIN_LOOK_APART = Duration.ofMillis(100);

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
    private final ThreadPolicy policy;
    /** Whether background threads go under SCHED_IDLE; from the probe on the scan thread in production. */
    private volatile boolean idleAllowed;
    /** Background threads already given their priority, with how each stood at the last scan (null: unknown). */
    private final Map<String, ThreadPolicy.Sample> done = new HashMap<>();
    private final ScheduledExecutorService scan = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("priorities").daemon(true).factory());
    private volatile boolean failed;
    private boolean warned;
    private boolean starved;
    private int calmScans;

    /** @param idleAllowed whether background threads go under {@code SCHED_IDLE} (see {@link ThreadPolicy}) */
    BackgroundPriority(Path tasks, int nice, List<String> prefixes, boolean idleAllowed) {
        this.tasks = tasks;
        this.nice = nice;
        this.prefixes = List.copyOf(prefixes);
        this.policy = new ThreadPolicy(tasks);
        this.idleAllowed = idleAllowed;
    }

    /**
     * Lowers this process's background threads to {@code nice} (and {@code SCHED_IDLE} where the node can take it
     * back) now and every {@code every} (new pool threads, starvation); {@code nice} 0 leaves every thread as it is.
     */
    public static BackgroundPriority start(int nice, Duration every) {
        Path tasks = Path.of("/proc/self/task");
        if (nice <= 0 || !Files.isDirectory(tasks)) {
            if (nice > 0) {
                LOG.info("Background threads run at the calls' priority: no /proc/self/task on this system");
            }
            return new BackgroundPriority(tasks, nice, BACKGROUND, false);
        }
        BackgroundPriority p = new BackgroundPriority(tasks, nice, BACKGROUND, false);
        // the probe starts processes: on the scan thread, before its first scan, not on the node's start-up path
        p.scan.execute(p::probeIdle);
        p.scan.scheduleWithFixedDelay(p::renice, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return p;
    }

    private void probeIdle() {
        idleAllowed = policy.canLeaveIdle(nice);
        if (!idleAllowed) {
            LOG.info("Background threads run at nice {} only: SCHED_IDLE needs a way back, RLIMIT_NICE of at least"
                    + " {} (systemd: LimitNICE=+{})", nice, 20 - nice, nice);
        }
    }

    /** Whether the background threads are under {@code SCHED_OTHER} now because they were starved. */
    synchronized boolean starved() {
        return starved;
    }

    /**
     * One scan: gives new background threads their priority and, under {@code SCHED_IDLE}, lets a starved
     * background have its nice share until it is calm again; returns how many new threads it found.
     */
    synchronized int renice() {
        if (failed) {
            return 0;
        }
        List<String> fresh = new ArrayList<>();
        Set<String> alive = new HashSet<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(tasks)) {
            for (Path task : dir) {
                String tid = task.getFileName().toString();
                alive.add(tid);
                if (!done.containsKey(tid) && isBackground(name(task))) {
                    fresh.add(tid);
                }
            }
        } catch (IOException e) {
            return 0;
        }
        done.keySet().retainAll(alive); // thread ids are reused once a thread is gone
        try {
            if (!fresh.isEmpty()) {
                policy.nice(fresh, nice);
                if (idleAllowed && !starved) {
                    policy.idle(fresh);
                }
                fresh.forEach(tid -> done.put(tid, policy.sample(tid)));
            }
            if (idleAllowed) {
                guard();
            }
            warned = false;
            return fresh.size();
        } catch (IOException e) {
            if (idleAllowed) {
                // the tools ran at start (the probe), so this is passing (no process to spare): a starved idle
                // background must get its share at a later scan, so the scans go on
                if (!warned) {
                    warned = true;
                    LOG.warn("Could not change background threads' priority this time; trying again ({})",
                            e.getMessage());
                }
                return 0;
            }
            failed = true;
            LOG.warn("Background threads run at the calls' priority: cannot run renice ({})", e.getMessage());
            return 0;
        }
    }

    /**
     * The share of the time between two looks a thread spent ready to run without running: its waits that ended
     * meanwhile, or, for a thread ready at both looks that hardly ran in between, all of it (its wait has not ended
     * yet). Looks less than {@link #MIN_LOOK_APART} apart tell nothing (0).
     */
    static double waitedShare(ThreadPolicy.Sample before, ThreadPolicy.Sample now) {
        long elapsed = now.atNanos() - before.atNanos();
        if (elapsed < MIN_LOOK_APART.toNanos()) {
            return 0;
        }
        double waited = (now.waitedNanos() - before.waitedNanos()) / (double) elapsed;
        boolean stuck = before.ready() && now.ready() && now.ranNanos() - before.ranNanos() < elapsed * CALM_SHARE;
        return stuck ? Math.max(waited, 1.0) : waited;
    }

    /** Moves the background between SCHED_IDLE and its nice share by how long its threads waited for a core. */
    private void guard() throws IOException {
        double share = 0;
        for (Map.Entry<String, ThreadPolicy.Sample> thread : done.entrySet()) {
            ThreadPolicy.Sample before = thread.getValue();
            ThreadPolicy.Sample latest = policy.sample(thread.getKey());
            thread.setValue(latest);
            if (before != null && latest != null) {
                share = Math.max(share, waitedShare(before, latest));
            }
        }
        List<String> all = List.copyOf(done.keySet());
        if (!starved && share > STARVED_SHARE) {
            policy.normal(all); // first: if it cannot run now, the next scan finds them still starved
            starved = true;
            calmScans = 0;
            LOG.info("Background threads waited {}% of the time for a core: at nice {} until the calls leave room",
                    Math.round(share * 100), nice);
        } else if (starved) {
            calmScans = share < CALM_SHARE ? calmScans + 1 : 0;
            if (calmScans >= CALM_SCANS) {
                policy.idle(all);
                starved = false;
                LOG.info("Background threads idle-scheduled again: the calls leave them room");
            }
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
