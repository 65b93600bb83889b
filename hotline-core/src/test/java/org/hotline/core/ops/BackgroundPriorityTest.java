package org.hotline.core.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
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
        BackgroundPriority priority = new BackgroundPriority(TASKS, Math.min(19, before + 7), List.of("bgtest-"));

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
        BackgroundPriority priority = new BackgroundPriority(TASKS, 19, List.of("bgonce-"));
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
    static int nice(String tid) throws IOException {
        String stat = Files.readString(TASKS.resolve(tid).resolve("stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }
}
