package org.hotline.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;
import org.hotline.core.referral.ReferralQueries;
import org.hotline.core.testsupport.RecordingAgency;
import org.hotline.ivr.sim.AsteriskSimulator;
import org.hotline.ivr.sim.CallResult;
import org.hotline.ivr.sim.CallerScript;
import io.vertx.core.json.JsonObject;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One real path: a simulated call over FastAGI → durable tip in MongoDB → signed referral at each agency. */
class CallToAgencyIT {

    @TempDir
    Path dir;

    private Vertx vertx;
    private RecordingAgency agencies;
    private Hotline hotline;
    private Map<String, String> env;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        agencies = RecordingAgency.start(vertx);
        env = TestNode.env(dir, agencies);
        hotline = Hotline.start(HotlineConfig.fromEnv(env), env, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        hotline.close();
        agencies.close();
        vertx.close();
    }

    @Test
    void shouldTurnACallIntoADurableTipDeliveredOnceToEachMatchingAgency() throws Exception {
        // given
        AsteriskSimulator asterisk = new AsteriskSimulator("127.0.0.1", hotline.agiPort());

        // when
        CallResult call = asterisk.call("hotline", Calls.forcedLabourReport());

        // then: the caller heard a reference, and that reference is a stored tip
        String reference = call.variables().get("HOTLINE_REFERENCE");
        assertThat(reference).matches("\\d{9}");
        assertThat(call.digitsSaid()).contains(reference);
        // the journal made the tip durable before the reference was read; MongoDB holds it just behind the call
        Document tip = await().atMost(Duration.ofSeconds(10)).until(() -> hotline.mongo().database().getCollection("tips")
                .find(new Document("reference", reference)).first(), found -> found != null);
        assertThat(tip.getString("outcome")).isEqualTo("COMPLETED");
        assertThat(tip.get("fields", Document.class)).containsEntry("exploitationType", "forced_labour")
                .containsEntry("childInvolved", false);
        assertThat(tip.getString("pinHash")).isNotBlank().doesNotContain(call.digitsSaid().getLast());

        // and: exactly one signed referral reaches each agency the pathway names, recorded on the referral
        Set<String> expected = expectedWebhookAgencies(tip);
        assertThat(expected).isNotEmpty().contains("mol-labour");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(Expectations.agencyIds(agencies.effectiveDeliveries().values()))
                        .containsExactlyInAnyOrderElementsOf(expected));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Document stored = hotline.mongo().database().getCollection("tips").find(new Document("reference", reference)).first();
            var states = new ReferralQueries(hotline.mongo().database()).statesOf(stored.getString("_id"));
            assertThat(states).containsOnlyKeys(expected);
            expected.forEach(agency -> assertThat(states.get(agency).state()).isEqualTo("DELIVERED"));
        });
        assertThat(agencies.requests()).hasSize(expected.size());
        RecordingAgency.Received first = agencies.requests().getFirst();
        assertThat(first.header("Idempotency-Key")).isNotBlank();
        assertThat(first.header("X-Hotline-Signature")).isEqualTo("sha256=" + hmac(first.body()));
        assertThat(new JsonObject(first.body()).getString("reference")).isEqualTo(reference);
        assertThat(hotline.metrics().scrape()).contains("hotline_ivr_node_seconds_count{flow=\"hotline@3\",ivr_node=\"region\",} 1.0");
    }

    @Test
    void shouldKeepAPartialTipMarkedAbandonedWhenTheCallerHangsUpMidReport() {
        // given: the caller reports forced labour, then hangs up at the region question
        AsteriskSimulator asterisk = new AsteriskSimulator("127.0.0.1", hotline.agiPort());
        CallerScript caller = CallerScript.pressing("1").silence().press("1").press("1")
                .hangUpWhenPromptStarts("en/hotline/ask_region");

        // when
        asterisk.call("hotline", caller);

        // then
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Document tip = hotline.mongo().database().getCollection("tips")
                    .find(new Document("outcome", "ABANDONED")).first();
            assertThat(tip).isNotNull();
            assertThat(tip.get("fields", Document.class)).containsEntry("exploitationType", "forced_labour");
            assertThat(tip.getString("lastNode")).isEqualTo("region");
        });
    }

    @Test
    void shouldReferAVictimFromACounterpartCountryAbroadWhenTheCallerSaysWhereTheyAreFrom() {
        // given: the nationality menu lists the pathway's transnational nationalities first (1 = Sierra Leone)
        CallerScript caller = CallerScript.pressing("1").silence().press("1")
                .press("1").press("1").press("1")      // forced labour, first region, from Sierra Leone
                .press("2").press("2").press("2").press("2")
                .press("2").press("1").press("1")      // services yes: the transnational rule needs it
                .silence().silence().silence();

        // when
        CallResult call = new AsteriskSimulator("127.0.0.1", hotline.agiPort()).call("hotline", caller);

        // then: the counterpart abroad gets its own referral, by the transnational rule
        String reference = call.variables().get("HOTLINE_REFERENCE");
        Document tip = await().atMost(Duration.ofSeconds(10)).until(() -> hotline.mongo().database()
                .getCollection("tips").find(new Document("reference", reference)).first(), found -> found != null
                && Boolean.TRUE.equals(found.getBoolean("routed")));
        assertThat(tip.get("fields", Document.class)).containsEntry("victimNationality", "SL");
        assertThat(tip.getList("recipients", Document.class)).anySatisfy(r -> {
            assertThat(r.getString("agencyId")).isEqualTo("sl-counterpart");
            assertThat(r.getList("matchedRules", String.class)).contains("transnational-sierra-leone");
        });
    }

    private Set<String> expectedWebhookAgencies(Document tip) throws Exception {
        Document f = tip.get("fields", Document.class);
        return Expectations.webhookAgencies(env, f.getString("exploitationType"), f.getString("region"));
    }

    private static String hmac(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TestNode.SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
