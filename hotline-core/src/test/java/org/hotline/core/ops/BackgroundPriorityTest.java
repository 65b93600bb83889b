package org.hotline.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackgroundPriorityTest {

    private static final Path TASKS = Path.of("/proc/self/task");
    private final CountDownLatch end = new CountDownLatch(1);

    @AfterEach
    void stopThreads() {
        end.countDown();
    }

    @Test
    void shouldLowerTheBackgroundThreadsPriorityAndLeaveTheCallPathAlone() throws Exception {
        // given a background thread and a call-path thread, both at the test's priority
        String background = "bgtest-" + System.nanoTime() % 10_000;
        String callPath = "calltest-" + System.nanoTime() % 10_000;
        String backgroundTid = park(background);
        String callTid = park(callPath);
        int before = nice(callTid);
        BackgroundPriority priority = new BackgroundPriority(TASKS, Math.min(19, before + 7), List.of("bgtest-"), false);

        // when
        int reniced = priority.renice();

        // then
        assertThat(reniced).isEqualTo(1);
        assertThat(nice(backgroundTid)).isEqualTo(Math.min(19, before + 7));
        assertThat(nice(callTid)).isEqualTo(before);
    }

    @Test
    void shouldReniceEachThreadOnceAndTakeNewPoolThreadsOnTheNextScan() throws Exception {
        // given
        BackgroundPriority priority = new BackgroundPriority(TASKS, 19, List.of("bgonce-"), false);
        String first = park("bgonce-1");
        assertThat(priority.renice()).isEqualTo(1);

        // when a pool starts another thread
        String second = park("bgonce-2");

        // then only the new one is reniced
        assertThat(priority.renice()).isEqualTo(1);
        assertThat(priority.renice()).isZero();
        assertThat(nice(first)).isEqualTo(19);
        assertThat(nice(second)).isEqualTo(19);
    }

    @Test
    void shouldPutBackgroundThreadsUnderSchedIdleAtTheirNiceValueWhenTheNodeCanTakeThemBack() throws Exception {
        // given
        ThreadPolicy policy = new ThreadPolicy(TASKS);
        boolean canLeave = policy.canLeaveIdle(19);
        String background = park("bgidle-1");
        String callPath = park("callidle-1");
        BackgroundPriority priority = new BackgroundPriority(TASKS, 19, List.of("bgidle-"), canLeave);

        // when
        priority.renice();

        // then: idle-scheduled where the way back exists, at the nice value either way; the call path untouched
        assertThat(policy.niceOf(background)).isEqualTo(19);
        assertThat(policy.policy(background)).isEqualTo(canLeave ? ThreadPolicy.IDLE : ThreadPolicy.OTHER);
        assertThat(policy.policy(callPath)).isEqualTo(ThreadPolicy.OTHER);
    }

    @Test
    void shouldGiveStarvedBackgroundThreadsTheirNiceShareUntilTheCallsLeaveThemRoom() throws Exception {
        // given: a busy background thread, idle-scheduled
        ThreadPolicy policy = new ThreadPolicy(TASKS);
        boolean canLeave = policy.canLeaveIdle(10);
        String background = spin("bgstarve-1", end);
        BackgroundPriority priority = new BackgroundPriority(TASKS, 10, List.of("bgstarve-"), canLeave);
        priority.renice();
        if (!canLeave) {
            // no way back from SCHED_IDLE here: the background stays at its nice value, never idle-scheduled
            assertThat(policy.policy(background)).isEqualTo(ThreadPolicy.OTHER);
            return;
        }
        assertThat(policy.policy(background)).isEqualTo(ThreadPolicy.IDLE);

        // when: busy threads at the calls' priority take every core
        CountDownLatch callsDone = new CountDownLatch(1);
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
            spin("callbusy-" + i, callsDone);
        }
        boolean starved = scanUntil(priority, true);

        // then: it runs at its nice value under SCHED_OTHER, so it still gets a share
        assertThat(starved).as("starvation noticed").isTrue();
        assertThat(policy.policy(background)).isEqualTo(ThreadPolicy.OTHER);
        assertThat(policy.niceOf(background)).isEqualTo(10);

        // and when the calls leave the cores, it is idle-scheduled again after a few calm scans
        callsDone.countDown();
        assertThat(scanUntil(priority, false)).as("calm noticed").isFalse();
        assertThat(policy.policy(background)).isEqualTo(ThreadPolicy.IDLE);
    }

    @Test
    void shouldCountAThreadReadyAtBothLooksThatHardlyRanAsWaitingAllAlong() {
        long second = 1_000_000_000L;
        // the kernel counts a wait only once it ends: a thread starved all along shows no wait at all
        assertThat(BackgroundPriority.waitedShare(new ThreadPolicy.Sample(0, true, 5, 100),
                new ThreadPolicy.Sample(second, true, 5 + second / 100, 100))).isEqualTo(1.0);
        // a thread that ran most of the time, ready at both looks, waited what the kernel counted
        assertThat(BackgroundPriority.waitedShare(new ThreadPolicy.Sample(0, true, 0, 0),
                new ThreadPolicy.Sample(second, true, second / 2, second / 5))).isEqualTo(0.2);
        // a thread asleep at a look is not starved, whatever it ran
        assertThat(BackgroundPriority.waitedShare(new ThreadPolicy.Sample(0, false, 0, 0),
                new ThreadPolicy.Sample(second, true, 0, 0))).isZero();
        // looks a moment apart tell nothing
        assertThat(BackgroundPriority.waitedShare(new ThreadPolicy.Sample(0, true, 0, 0),
                new ThreadPolicy.Sample(1_000_000, true, 0, 0))).isZero();
    }

    /**
     * Scans every 300 ms (looks closer than {@link BackgroundPriority#MIN_LOOK_APART} tell nothing) until
     * {@code priority.starved()} is {@code wanted}, for at most 10 s; returns it then.
     */
    private static boolean scanUntil(BackgroundPriority priority, boolean wanted) {
        try {
            await().pollDelay(Duration.ofMillis(300)).pollInterval(Duration.ofMillis(300)).atMost(Duration.ofSeconds(10))
                    .until(() -> {
                        priority.renice();
                        return priority.starved() == wanted;
                    });
        } catch (ConditionTimeoutException e) {
            // the caller's assertion says what did not happen
        }
        return priority.starved();
    }

    /** Starts a platform thread that keeps a core busy until {@code stop} opens; returns its kernel thread id. */
    private static String spin(String name, CountDownLatch stop) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Thread.ofPlatform().name(name).daemon(true).start(() -> {
            started.countDown();
            long x = 0;
            while (stop.getCount() > 0) {
                x += System.nanoTime() & 1;
            }
            if (x == -1) {
                System.out.print(""); // keeps the loop from being optimised away
            }
        });
        started.await();
        return tidOf(name).orElseThrow(() -> new AssertionError("no task named " + name + " in " + TASKS));
    }

    /** Starts a platform thread that waits until the test ends; returns its kernel thread id. */
    private String park(String name) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Thread.ofPlatform().name(name).daemon(true).start(() -> {
            started.countDown();
            try {
                end.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        started.await();
        return tidOf(name).orElseThrow(() -> new AssertionError("no task named " + name + " in " + TASKS));
    }

    private static Optional<String> tidOf(String name) throws IOException {
        try (Stream<Path> tasks = Files.list(TASKS)) {
            return tasks.filter(t -> comm(t).equals(name)).map(t -> t.getFileName().toString()).findFirst();
        }
    }

    private static String comm(Path task) {
        try {
            return Files.readString(task.resolve("comm")).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** The nice value of a thread: field 19 of its stat line, counted after the name in parentheses. */
    static int nice(String tid) {
        return new ThreadPolicy(TASKS).niceOf(tid);
    }
}
