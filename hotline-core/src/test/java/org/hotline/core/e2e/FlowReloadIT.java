package org.hotline.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.bson.Document;
import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;
import org.hotline.core.testsupport.RecordingAgency;
import org.hotline.ivr.sim.AsteriskSimulator;
import org.hotline.ivr.sim.CallResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A ministry edits the flow files of a running node: a valid edit is served, a broken one changes nothing. */
class FlowReloadIT {

    @TempDir
    Path dir;

    private Vertx vertx;
    private RecordingAgency agencies;
    private Hotline hotline;
    private Path hotlineFlow;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        agencies = RecordingAgency.start(vertx);
        Map<String, String> env = new java.util.HashMap<>(TestNode.env(dir, agencies));
        env.put("HOTLINE_FLOWS_POLL", "100ms");
        hotlineFlow = Path.of(env.get("HOTLINE_FLOWS_DIR")).resolve("hotline.yaml");
        hotline = Hotline.start(HotlineConfig.fromEnv(env), env, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        hotline.close();
        agencies.close();
        vertx.close();
    }

    @Test
    void shouldServeAnEditedFlowWithoutARestartAndKeepItWhenTheNextEditIsBroken() throws Exception {
        // given: the flow is at version 3
        assertThat(flowVersionOfANewCall()).isEqualTo("hotline@3");

        // when: the version is bumped in the file
        edit(Files.readString(hotlineFlow).replaceFirst("(?m)^version: 3$", "version: 4"));

        // then: new calls run version 4
        await().atMost(Duration.ofSeconds(20)).until(() -> reloads("loaded") == 1);
        assertThat(flowVersionOfANewCall()).isEqualTo("hotline@4");

        // when: a broken edit (a node pointing nowhere) is saved
        edit(Files.readString(hotlineFlow).replaceFirst("next: region", "next: nowhere"));

        // then: it is refused and version 3 keeps serving
        await().atMost(Duration.ofSeconds(20)).until(() -> reloads("rejected") == 1);
        assertThat(flowVersionOfANewCall()).isEqualTo("hotline@4");
    }

    private String flowVersionOfANewCall() {
        CallResult call = new AsteriskSimulator("127.0.0.1", hotline.agiPort()).call("hotline", Calls.forcedLabourReport());
        String reference = call.variables().get("HOTLINE_REFERENCE");
        // the tip reaches MongoDB just behind the call (the journal made it durable before the reference was read)
        Document tip = await().atMost(Duration.ofSeconds(10)).until(() -> hotline.mongo().database().getCollection("tips")
                .find(new Document("reference", reference)).first(), found -> found != null);
        return tip.getString("flowVersion");
    }

    private long reloads(String result) {
        return hotline.mongo().database().getCollection("audit_log")
                .countDocuments(new Document("action", "ivr.flows_reload").append("details.result", result));
    }

    private void edit(String text) throws Exception {
        Files.writeString(hotlineFlow, text);
        // make the change visible even on file systems with coarse timestamps
        Files.setLastModifiedTime(hotlineFlow, FileTime.from(Instant.now().plusSeconds(reloadsSoFar())));
    }

    private long reloadsSoFar() {
        return 1 + hotline.mongo().database().getCollection("audit_log")
                .countDocuments(new Document("action", "ivr.flows_reload"));
    }
}
