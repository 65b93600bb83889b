package org.hotline.core.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.hotline.core.auth.Role;
import org.hotline.core.e2e.Calls;
import org.hotline.core.e2e.TestNode;
import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;
import org.hotline.core.testsupport.BrowserScripts;
import org.hotline.core.testsupport.RecordingAgency;
import org.hotline.core.testsupport.Staff;
import org.hotline.ivr.sim.AsteriskSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor view's call review form in headless Chromium against a real node; the report comes through the IVR. */
class QaBrowserIT {

    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();
    private RecordingAgency agencies;
    private Hotline node;

    @BeforeEach
    void start() {
        BrowserScripts.require();
        agencies = RecordingAgency.start(vertx);
        var env = TestNode.env(dir, agencies);
        node = Hotline.start(HotlineConfig.fromEnv(env), env, Clock.systemUTC());
        Staff.create(node.mongo(), "sia.supervisor", Set.of(Role.SUPERVISOR), Optional.empty());
    }

    @AfterEach
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        if (agencies != null) {
            agencies.close();
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldRefuseAnIncompleteReviewNamingTheScoreAndSaveAComplete() throws Exception {
        // given: a report taken by the IVR
        String reference = new AsteriskSimulator("127.0.0.1", node.agiPort()).call("hotline", Calls.forcedLabourReport())
                .variables().get("HOTLINE_REFERENCE");
        await().atMost(Duration.ofSeconds(20)).until(() -> node.mongo().database().getCollection("tips")
                .find(new Document("reference", reference)).first() != null);
        // when
        BrowserScripts.Run run = BrowserScripts.run("qa.mjs", List.of("http://127.0.0.1:" + node.httpPort(),
                "sia.supervisor", Staff.PASSWORD, BrowserScripts.screenshots().toString(), reference, "PJSIP/op-olu"),
                120, line -> { });
        // then
        assertThat(run.exitCode()).as("browser script output: %s", run.lines()).isZero();
        JsonObject seen = new JsonObject(run.last());
        assertThat(seen.getJsonArray("problems")).isEmpty();
        assertThat(seen.getString("refused")).contains("referral");
        assertThat(seen.getString("saved")).isEqualTo("Review saved.");
        Document review = node.mongo().database().getCollection("qa_reviews").find().first();
        assertThat(review.getString("reference")).isEqualTo(reference);
        assertThat(review.getString("note")).doesNotContain("Good safety check");
    }
}
