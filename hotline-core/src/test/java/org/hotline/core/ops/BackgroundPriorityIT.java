package org.hotline.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hotline.core.testsupport.RecordingAgency;
import org.hotline.core.e2e.TestNode;
import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A running node lowers its background threads' priority and leaves the threads callers wait on alone. */
class BackgroundPriorityIT {

    private static final Vertx VERTX = Vertx.vertx();

    @TempDir
    Path dir;

    @AfterAll
    static void stop() {
        VERTX.close();
    }

    @Test
    void shouldRunDispatchAndTheEmbeddedDatabaseBelowTheCallPath() throws Exception {
        try (RecordingAgency agencies = RecordingAgency.start(VERTX)) {
            Map<String, String> env = new java.util.HashMap<>(TestNode.env(dir, agencies));
            env.put("HOTLINE_BACKGROUND_NICE", "13");
            try (Hotline node = Hotline.start(HotlineConfig.fromEnv(env), env, Clock.systemUTC())) {
                // then: within a scan or two the dispatch threads and the embedded server's workers run at nice 13
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    assertThat(nicesOf("dispatch-")).isNotEmpty().containsOnly(13);
                    assertThat(nicesOf("mongo-server-")).isNotEmpty().containsOnly(13);
                    // the JIT compiles the back office's code while calls run, and yields to them too
                    assertThat(nicesOf("C2 CompilerThre")).isNotEmpty().containsOnly(13);
                });
                // and the journal's writer, which the caller waits on for the reference, runs at the process's own
                assertThat(nicesOf("tip-journal-wri")).isNotEmpty().doesNotContain(13);
            }
        }
    }

    private static List<Integer> nicesOf(String prefix) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.filter(t -> comm(t).startsWith(prefix)).map(BackgroundPriorityIT::nice).toList();
        }
    }

    private static String comm(Path task) {
        try {
            return Files.readString(task.resolve("comm")).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static int nice(Path task) {
        return BackgroundPriorityTest.nice(task.getFileName().toString()); // MIN_VALUE once the thread ended
    }
}
