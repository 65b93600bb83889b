package org.hotline.bench.ivr;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.time.Duration;
import org.bson.Document;
import org.hotline.bench.BenchFiles;
import org.hotline.ivr.sim.AsteriskSimulator;
import org.hotline.ivr.sim.CallResult;
import org.hotline.ivr.sim.CallSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The split deployment the bench measures with {@code --db split}: a calls-only node ({@code HOTLINE_ROLES=ivr}) and
 * a back-office node ({@code dispatch,web}), each in a JVM of its own, over the database process, sharing their keys.
 */
class SplitRolesDeploymentIT {

    @TempDir
    Path work;

    @Test
    void shouldTakeTheCallOnTheCallsNodeAndRouteAndSendItsTipFromTheBackOfficeWithEachCpuCountedApart()
            throws Exception {
        // given
        Path repo = BenchFiles.repoRoot(Path.of(""));
        try (HotlineDeployment deployment = HotlineDeployment.start(DatabaseMode.SPLIT, repo, work, "512m",
                line -> { })) {
            ServerHandle.Drained backBefore = deployment.drainBackOffice();

            // when: one full report call to the node under test
            CallResult call = new AsteriskSimulator("127.0.0.1", deployment.node().port())
                    .call(CallSetup.of("hotline"), ReportCall.script());

            // then: the call completed on the calls-only node; the back office (which listens on no FastAGI port)
            // routed its tip, opened with the keys both were given, and delivered every referral
            assertThat(IvrLoadBench.completed(call)).as(call.toString()).isTrue();
            assertThat(deployment.backOffice().port()).as("the back office's FastAGI port").isZero();
            String reference = call.variables().get("HOTLINE_REFERENCE");
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + deployment.database().port())) {
                var tips = client.getDatabase("hotline").getCollection("tips");
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> tips.countDocuments(and(eq("reference", reference), eq("routed", true))) == 1);
                Document tip = tips.find(eq("reference", reference)).first();
                assertThat(tip.getString("routingClaimBy")).isEqualTo("back-office");
                var referrals = client.getDatabase("hotline").getCollection("referrals");
                await().atMost(Duration.ofSeconds(30)).until(() -> referrals.countDocuments(eq("reference", reference)) > 0
                        && referrals.countDocuments(and(eq("reference", reference), eq("state", "DELIVERED")))
                        == referrals.countDocuments(eq("reference", reference)));
            }
            // and the back office's drain answers once it is done, with the CPU that work cost it
            ServerHandle.Drained backAfter = deployment.drainBackOffice();
            assertThat(backAfter.waitedMillis()).isNotNegative();
            assertThat(backAfter.cpuNanos()).isGreaterThan(backBefore.cpuNanos());
            assertThat(backAfter.roundTrips()).isGreaterThan(backBefore.roundTrips());
        }
    }
}
