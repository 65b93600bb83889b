package org.hotline.core.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.bson.Document;
import org.hotline.core.auth.Role;
import org.hotline.core.e2e.Calls;
import org.hotline.core.e2e.TestFiles;
import org.hotline.core.node.Hotline;
import org.hotline.core.testsupport.BrowserScripts;
import org.hotline.core.testsupport.ami.AmiSimulator;
import org.hotline.core.testsupport.ami.QueueEvents;
import org.hotline.core.testsupport.ami.QueueEvents.Caller;
import org.hotline.ivr.sim.AsteriskSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator console's warm transfer in headless Chromium against a real node: the report comes through the IVR
 * over FastAGI, the labour inspectorate has a duty line in the pathway's directory, the AMI simulator plays
 * Asterisk over TCP.
 */
class TransferBrowserIT {

    private static final String PHONE = "PJSIP/op-olu";
    private static final String PHONE_LEG = PHONE + "-00000002";
    private static final String DUTY = "+231770000300";

    @TempDir
    Path dir;

    private BrowserNode browser;

    @BeforeEach
    void start() throws Exception {
        // the shipped pathway, with a duty line for the labour inspectorate
        String pathway = Files.readString(TestFiles.NATIONAL_PATHWAY);
        String anchor = "    escalates_to: nattf\n    schedule:\n      - { days: [mon, tue, wed, thu, fri]";
        assertThat(pathway).contains(anchor);
        Path file = dir.resolve("national.yaml");
        Files.writeString(file, pathway.replace(anchor, "    escalates_to: nattf\n    phones:\n      - { number: \""
                + DUTY + "\", description: inspectorate duty line }\n    schedule:\n      - { days: [mon, tue, wed, thu, fri]"));
        browser = new BrowserNode(dir, PHONE, Map.of("HOTLINE_PATHWAY_FILE", file.toString()))
                .staff("olu.operator", Role.OPERATOR, PHONE);
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void shouldTalkToTheInspectorateThenJoinAllThreeAndLeaveTheCallerWithThem() throws Exception {
        // given: a forced-labour report, referred to the labour inspectorate, and its caller on Olu's phone
        Hotline node = browser.node;
        AmiSimulator ami = browser.ami;
        String reference = new AsteriskSimulator("127.0.0.1", node.agiPort()).call("hotline", Calls.forcedLabourReport())
                .variables().get("HOTLINE_REFERENCE");
        await().atMost(Duration.ofSeconds(20)).until(() -> node.mongo().database().getCollection("tips")
                .find(new Document("reference", reference)).first() != null);
        Caller caller = Caller.fromIvr("1700000300.4", reference, "en", "operators");
        ami.channelUp(caller.channel(), caller.uniqueId()).channelUp(PHONE_LEG, "1700000099.1");
        // when
        BrowserScripts.Run run = browser.run("transfer.mjs", "olu.operator", line -> {
                    if (line.contains("\"step\":\"operator-listening\"")) {
                        ami.emitRaw(QueueEvents.agentConnect(caller, "operators", PHONE, 3));
                    }
                });
        // then
        assertThat(run.exitCode()).as("browser script output: %s", run.lines()).isZero();
        JsonObject seen = new JsonObject(run.last());
        assertThat(seen.getJsonArray("problems")).isEmpty();
        assertThat(seen.getJsonArray("targets").encode()).contains("Labour Inspectorate");
        assertThat(seen.getBoolean("joinShown")).isTrue();
        assertThat(seen.getString("left")).contains("Recorded on the referral");
        assertThat(seen.getJsonArray("unlabelled")).isEmpty();
        assertThat(ami.actions("Originate")).singleElement().satisfies(o -> assertThat(o)
                .containsEntry("Channel", "Local/" + DUTY + "@hotline-agency-dial"));
        assertThat(ami.conferenceMembers("17000003004")).hasSize(2).first().isEqualTo(caller.channel());
        Document handover = node.mongo().database().getCollection("live_handovers").find().first();
        assertThat(handover.getString("outcome")).isEqualTo("handed_over");
        assertThat(handover.getString("agencyId")).isEqualTo("mol-labour");
        assertThat(handover.getString("reference")).isEqualTo(reference);
    }
}
