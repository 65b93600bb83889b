package org.hotline.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.hotline.core.e2e.TestNode;
import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;
import org.hotline.core.testsupport.RecordingAgency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole reports by SMS through a real Kannel: fakesmsc (a handset) → bearerbox → smsbox → the node's
 * /api/sms/kannel → text session over the IVR flows → tip → pathway → agencies; replies through sendsms →
 * bearerbox → fakesmsc. Kannel runs from the shipped ops/kannel/kannel.conf.
 */
class SmsThroughKannelIT {

    private static final String VICTIM = "+231770000001";

    @TempDir
    Path dir;

    private Vertx vertx;
    private RecordingAgency agencies;
    private KannelBoxes kannel;
    private Hotline hotline;
    private Map<String, String> env;

    @BeforeEach
    void start() throws Exception {
        KannelBoxes.requireInstalled();
        vertx = Vertx.vertx();
        agencies = RecordingAgency.start(vertx);
        kannel = new KannelBoxes(Files.createDirectories(dir.resolve("kannel")));
        env = TestNode.env(dir, agencies);
        try (ServerSocket free = new ServerSocket(0)) {
            // fixed, so a restarted node is where Kannel's sms-service calls
            env.put("HOTLINE_HTTP_PORT", String.valueOf(free.getLocalPort()));
        }
        env.put("HOTLINE_KANNEL_INBOUND_KEY", KannelBoxes.INBOUND_KEY);
        env.put("HOTLINE_KANNEL_PASSWORD", KannelBoxes.PASSWORD);
        env.put("HOTLINE_KANNEL_FROM", KannelBoxes.SHORT_CODE);
        env.put("HOTLINE_KANNEL_SENDSMS_URL", kannel.sendsmsUrl());
        env.put("HOTLINE_TEXT_OUTBOX_POLL", "200ms");
        hotline = Hotline.start(HotlineConfig.fromEnv(env), env, Clock.systemUTC());
        kannel.start(hotline.httpPort());
    }

    @AfterEach
    void stop() {
        if (hotline != null) {
            hotline.close();
        }
        if (kannel != null) {
            kannel.close();
        }
        if (agencies != null) {
            agencies.close();
            vertx.close();
        }
    }

    /** The handset sends {@code text} and waits for a reply containing {@code expected}. */
    private void exchange(String text, String expected) {
        int before = kannel.received().size();
        kannel.send(VICTIM, text);
        try {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                List<KannelBoxes.Sms> all = kannel.received();
                assertThat(all.subList(Math.min(before, all.size()), all.size())).as("replies to '%s'", text)
                        .anyMatch(sms -> sms.text().contains(expected));
            });
        } catch (AssertionError | RuntimeException e) {
            System.out.println(kannel.logs());
            throw e;
        }
    }

    @Test
    void shouldTakeAWholeReportBySmsAndDeliverItToTheAgenciesOfThePathway() {
        // when: English, report, forced labour, Montserrado, no child, no danger, no callback, no police, yes, yes
        exchange("hello", "For English, press 1");
        exchange("1", "To report a situation, press 1");
        exchange("1", "1 Forced labour");
        exchange("1", "1 Montserrado");
        exchange("1", "Where are the people");
        exchange("3", "Is a child involved?");
        exchange("2", "Is someone in danger right now?");
        exchange("2", "May we call you back");
        exchange("2", "with the police");
        exchange("2", "services that can help");
        exchange("1", "in statistics");
        exchange("1", "Thank you. Goodbye.");

        // then: one message carried the reference and PIN, from the short code
        List<KannelBoxes.Sms> withReference = kannel.received().stream()
                .filter(sms -> sms.text().startsWith("Your reference number is")).toList();
        assertThat(withReference).singleElement().satisfies(sms -> {
            assertThat(sms.from()).isEqualTo(KannelBoxes.SHORT_CODE);
            assertThat(sms.to()).isEqualTo(VICTIM);
            assertThat(sms.text()).matches("Your reference number is \\d{9}\\. Your secret code is \\d{4}\\.");
        });
        String reference = withReference.getFirst().text().replaceAll("\\D", "").substring(0, 9);
        Document tip = await().atMost(Duration.ofSeconds(10)).until(() -> hotline.mongo().database()
                .getCollection("tips").find(new Document("reference", reference)).first(), found -> found != null);
        assertThat(tip.getString("source")).isEqualTo("sms");
        assertThat(tip.getString("outcome")).isEqualTo("COMPLETED");
        assertThat(tip.get("fields", Document.class)).containsEntry("exploitationType", "forced_labour")
                .containsEntry("region", "MO");
        // no callback consent: the number is kept only as a keyed hash, as a caller's is
        assertThat(tip.getString("callerHash")).isNotBlank().doesNotContain("231770000001");
        assertThat(tip.containsKey("callerNumber")).isFalse();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(agencies.effectiveDeliveries().values()).anyMatch(r -> r.body().contains(reference)
                        && r.path().contains("mol-labour")));
        // and the conversation is stored without the number or the answers in clear
        Document session = hotline.mongo().database().getCollection("text_sessions").find().first();
        assertThat(session.toJson()).doesNotContain("231770000001").doesNotContain("forced_labour");
    }

    @Test
    void shouldRaiseAnImmediateTipOnDangerAndSendNothingAfterStop() {
        // when: one sender writes the danger keyword at the menu
        exchange("hi", "For English");
        exchange("1", "To report a situation");
        exchange("SOS", "We are alerting emergency services now");

        // then
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(hotline.mongo().database()
                .getCollection("tips").find(new Document("outcome", "EMERGENCY").append("source", "sms")).first())
                .isNotNull());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(hotline.mongo().database()
                .getCollection("referrals").find(new Document("priority", "IMMEDIATE")).first()).isNotNull());

        // when: a new conversation, then STOP
        exchange("hello again", "For English");
        int before = kannel.received().size();
        kannel.send(VICTIM, "STOP");

        // then: the partial tip is kept and nothing more reaches the handset
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(hotline.mongo().database()
                .getCollection("tips").find(new Document("outcome", "SILENT").append("source", "sms")).first())
                .isNotNull());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> kannel.received().size() == before);
    }

    @Test
    void shouldQueueRepliesWhileSendsmsIsDownAndDeliverThemWhenItIsBack() {
        // given: the conversation started, then smsbox (sendsms) goes down
        exchange("hi", "For English");
        int before = kannel.received().size();
        kannel.stopSmsbox();

        // when: the sender's answer still reaches the node (as smsbox would post it)
        KannelPost.post(hotline.httpPort(), KannelBoxes.INBOUND_KEY, VICTIM, "kannel-down-1", "1");

        // then: the replies wait in the outbox
        await().atMost(Duration.ofSeconds(10)).until(() -> hotline.mongo().database().getCollection("text_outbox")
                .countDocuments() > 0);
        assertThat(kannel.received()).hasSize(before);

        // when: smsbox is back
        kannel.startSmsbox();

        // then: they go out (the network does not promise their order) and the outbox is empty
        await().atMost(Duration.ofSeconds(30)).alias("the queued replies").until(() -> kannel.received().stream()
                .anyMatch(sms -> sms.text().startsWith("To report a situation")));
        await().atMost(Duration.ofSeconds(10)).until(() -> hotline.mongo().database().getCollection("text_outbox")
                .countDocuments() == 0);
        assertThat(kannel.received().subList(before, kannel.received().size())).extracting(KannelBoxes.Sms::text)
                .anyMatch(text -> text.startsWith("This conversation is free and confidential."));
    }
}
