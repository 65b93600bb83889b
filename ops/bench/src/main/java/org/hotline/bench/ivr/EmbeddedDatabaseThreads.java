package org.hotline.bench.ivr;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * The CPU of the embedded database inside a single-box node's JVM: its server's network threads (which run the
 * commands), and the storage engine's writer and serialisation threads. The harness reports it apart from the
 * node's own CPU, as it does for a database in a process of its own.
 *
 * <p>A database thread that ended during a step takes its CPU time with it, so that time counts as the node's:
 * the node's figure can only be too high, never too low. The database's work on the node's behalf that runs on
 * the JVM's shared threads (the collector, the JIT) counts as the node's for the same reason.
 */
final class EmbeddedDatabaseThreads {

    /** Name prefixes of the embedded server's and its storage engine's threads. */
    static final List<String> PREFIXES = List.of("mongo-server-", "H2-", "MVStore background writer");

    private EmbeddedDatabaseThreads() {}

    /** CPU time the live database threads of this JVM have used so far. */
    static long cpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && isDatabase(info.getThreadName())) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                total += Math.max(cpu, 0); // -1: the thread ended after the list was taken
            }
        }
        return total;
    }

    static boolean isDatabase(String threadName) {
        return PREFIXES.stream().anyMatch(threadName::startsWith);
    }
}
