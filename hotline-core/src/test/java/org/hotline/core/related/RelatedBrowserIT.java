package org.hotline.core.related;

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
import org.hotline.ivr.sim.CallSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor view's related reports in headless Chromium against a real node: two IVR reports from one number and
 * one from another; the page suggests only the first pair, saying why without the number, and links and unlinks it.
 */
class RelatedBrowserIT {

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
    void shouldSuggestTheReportFromTheSameNumberAndLinkAndUnlinkIt() throws Exception {
        // given: two reports from one number, one from another
        AsteriskSimulator asterisk = new AsteriskSimulator("127.0.0.1", node.agiPort());
        String first = report(asterisk, "0770999333");
        String second = report(asterisk, "0770999333");
        String stranger = report(asterisk, "0770111444");
        await().atMost(Duration.ofSeconds(20)).until(() -> node.mongo().database().getCollection("tips")
                .countDocuments(new Document("reference", new Document("$in", List.of(first, second, stranger)))) == 3);
        // when
        BrowserScripts.Run run = BrowserScripts.run("related.mjs", List.of("http://127.0.0.1:" + node.httpPort(),
                "sia.supervisor", Staff.PASSWORD, BrowserScripts.screenshots().toString(), first, second), 120,
                line -> { });
        // then
        assertThat(run.exitCode()).as("browser script output: %s", run.lines()).isZero();
        JsonObject seen = new JsonObject(run.last());
        assertThat(seen.getJsonArray("problems")).isEmpty();
        assertThat(seen.getJsonArray("references").getList()).containsExactly(second);
        assertThat(seen.getString("why")).isEqualTo("same calling number");
        assertThat(seen.getString("linked")).isEqualTo("Linked " + first + " and " + second + ".");
        assertThat(seen.getString("stateAfterLink")).isEqualTo("Linked");
        assertThat(seen.getString("unlinked")).isEqualTo("Unlinked " + first + " and " + second + ".");
        assertThat(seen.getString("stateAfterUnlink")).isEqualTo("Suggested");
        assertThat(seen.getString("page")).doesNotContain("0770999333");
        assertThat(node.mongo().database().getCollection("tip_links").countDocuments()).isZero();
    }

    private static String report(AsteriskSimulator asterisk, String number) throws Exception {
        return asterisk.call(CallSetup.of("hotline").withCallerId(number), Calls.forcedLabourReport()).variables()
                .get("HOTLINE_REFERENCE");
    }
}
