package org.hotline.core.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Linux scheduling of single threads of this process, through {@code renice} and {@code chrt} (util-linux) and
 * read back from {@code /proc/self/task}: a nice value, the {@code SCHED_IDLE} policy (the thread runs only on a
 * core nothing else wants, and any other thread that wakes takes the core from it at once) and back to
 * {@code SCHED_OTHER}. A thread that ended meanwhile is skipped.
 */
final class ThreadPolicy {

    /** {@code SCHED_OTHER}'s and {@code SCHED_IDLE}'s numbers in {@code /proc/<tid>/stat}. */
    static final int OTHER = 0;
    static final int IDLE = 5;

    private final Path tasks;

    ThreadPolicy(Path tasks) {
        this.tasks = tasks;
    }

    /** Sets the nice value of {@code tids}; an unprivileged process may only raise it. */
    void nice(List<String> tids, int nice) throws IOException {
        List<String> command = new ArrayList<>(List.of("renice", "-n", Integer.toString(nice), "-p"));
        command.addAll(tids);
        run(command);
    }

    /** Puts {@code tids} under {@code SCHED_IDLE}, keeping their nice value for a way back. */
    void idle(List<String> tids) throws IOException {
        each("-i", tids);
    }

    /**
     * Puts {@code tids} back under {@code SCHED_OTHER} at their nice value. Unprivileged, Linux allows it only when
     * {@code RLIMIT_NICE} covers that nice value (systemd: {@code LimitNICE=+10} for nice 10).
     */
    void normal(List<String> tids) throws IOException {
        each("-o", tids);
    }

    /** The scheduling policy of {@code tid} ({@link #OTHER}, {@link #IDLE}, ...), or -1 when it ended. */
    int policy(String tid) {
        String[] fields = stat(tid);
        return fields == null ? -1 : Integer.parseInt(fields[38]);
    }

    /** The nice value of {@code tid}, or {@link Integer#MIN_VALUE} when it ended. */
    int niceOf(String tid) {
        String[] fields = stat(tid);
        return fields == null ? Integer.MIN_VALUE : Integer.parseInt(fields[16]);
    }

    /**
     * How {@code tid} stands now: whether it is ready to run (state R), and the nanoseconds it has run and waited on
     * a run queue since it started; null when it ended. The kernel adds a wait to the count only when the wait ends,
     * so a thread that has waited all along shows none: that is a thread ready to run whose run time stood still.
     */
    Sample sample(String tid) {
        String[] fields = stat(tid);
        try {
            String[] parts = Files.readString(tasks.resolve(tid).resolve("schedstat")).trim().split(" ");
            return fields == null ? null : new Sample(System.nanoTime(), fields[0].equals("R"),
                    Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** One look at a thread's scheduling (see {@link #sample}), taken at {@code atNanos} ({@link System#nanoTime}). */
    record Sample(long atNanos, boolean ready, long ranNanos, long waitedNanos) {}

    /**
     * Whether this process can put a thread at {@code nice} under {@code SCHED_IDLE} and take it back to
     * {@code SCHED_OTHER}: tried on a thread of its own, which ends afterwards.
     */
    boolean canLeaveIdle(int nice) {
        CountDownLatch done = new CountDownLatch(1);
        String[] tid = new String[1];
        CountDownLatch started = new CountDownLatch(1);
        Thread probe = Thread.ofPlatform().daemon(true).name("policy-probe").start(() -> {
            try {
                tid[0] = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
            } catch (IOException | RuntimeException e) {
                tid[0] = null;
            }
            started.countDown();
            try {
                done.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            started.await(5, TimeUnit.SECONDS);
            if (tid[0] == null) {
                return false;
            }
            List<String> one = List.of(tid[0]);
            nice(one, nice);
            idle(one);
            if (policy(tid[0]) != IDLE) {
                return false;
            }
            normal(one);
            return policy(tid[0]) == OTHER;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            done.countDown();
            probe.interrupt();
        }
    }

    private String[] stat(String tid) {
        try {
            String stat = Files.readString(tasks.resolve(tid).resolve("stat"));
            // fields after the command name, which is in parentheses and may hold spaces
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void each(String policyOption, List<String> tids) throws IOException {
        List<String> command = new ArrayList<>(List.of("sh", "-c",
                "for t in \"$@\"; do chrt " + policyOption + " -p 0 \"$t\" 2>/dev/null; done", "sh"));
        command.addAll(tids);
        run(command);
    }

    private static void run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
