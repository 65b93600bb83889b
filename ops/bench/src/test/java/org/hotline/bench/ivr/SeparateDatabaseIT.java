package org.hotline.bench.ivr;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.hotline.bench.BenchFiles;
import org.hotline.ivr.sim.AsteriskSimulator;
import org.hotline.ivr.sim.CallResult;
import org.hotline.ivr.sim.CallSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The separate-database deployment: the node under test in one JVM, the embedded MongoDB stand-in in another
 * ({@link DatabaseProcess}), joined by {@code MONGODB_URI} over loopback, and the agencies' receiver in a third
 * ({@link AgencyProcess}).
 */
class SeparateDatabaseIT {

    @TempDir
    Path work;

    @Test
    void shouldKeepTheNodesTipsInTheDatabaseProcessAndCountItsCpuApart() throws Exception {
        // given: node and database each in a JVM of its own
        Path repo = BenchFiles.repoRoot(Path.of(""));
        try (HotlineDeployment deployment = HotlineDeployment.start(DatabaseMode.SEPARATE, repo, work, "512m",
                line -> { })) {
            long databaseBefore = deployment.databaseCpuNanos();
            long agenciesBefore = deployment.agencies().cpuNanos();

            // when: one full report call to the node
            CallResult call = new AsteriskSimulator("127.0.0.1", deployment.node().port())
                    .call(CallSetup.of("hotline"), ReportCall.script());

            // then: the call completed, and its tip is stored and routed in the database process (the node's
            // w:majority, j:true writes and majority reads accepted), read there with the driver over TCP
            assertThat(IvrLoadBench.completed(call)).as(call.toString()).isTrue();
            String reference = call.variables().get("HOTLINE_REFERENCE");
            assertThat(reference).isNotBlank();
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + deployment.database().port())) {
                var tips = client.getDatabase("hotline").getCollection("tips");
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> tips.countDocuments(and(eq("reference", reference), eq("routed", true))) == 1);
                // its referrals were delivered to the agencies' receiver, which runs (and spends CPU) in its own JVM
                var referrals = client.getDatabase("hotline").getCollection("referrals");
                await().atMost(Duration.ofSeconds(30)).until(() -> referrals.countDocuments(eq("reference", reference)) > 0
                        && referrals.countDocuments(and(eq("reference", reference), eq("state", "DELIVERED")))
                        == referrals.countDocuments(eq("reference", reference)));
            }
            assertThat(deployment.databaseCpuNanos()).isGreaterThan(databaseBefore);
            assertThat(deployment.agencies().cpuNanos()).isGreaterThan(agenciesBefore);
            assertThat(Files.readString(work.resolve("hotline-separate-db-agencies.log")))
                    .contains("received a referral for " + reference);
            // at the background's priority, as if on cores of its own (nice adds to the harness's own value)
            assertThat(nice(deployment.agencies().pid()))
                    .isEqualTo(Math.min(19, nice(deployment.node().pid()) + AgencyProcess.NICE));
        }
        // and the node started no embedded server of its own: its data folder has no store
        assertThat(work.resolve("hotline-separate-db").resolve("node").resolve("data").resolve("mongo")).doesNotExist();
        assertThat(work.resolve("hotline-separate-db").resolve("database").resolve("data").resolve("mongo")
                .resolve("mongo.mv")).exists();
    }

    /** A process's nice value, field 19 of {@code /proc/<pid>/stat} (after the command name in parentheses). */
    private static int nice(long pid) throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
    }
}
