package org.hotline.core.referral;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.hotline.core.referral.internal.SmsText;
import org.hotline.core.testsupport.RecordingAgency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SMS referrals through an HTTP SMS gateway, played by a small real Vert.x server. */
class SmsDispatchIT {

    private static final Map<String, Object> CHILD = Map.of(
            "exploitationType", "other",
            "region", "SO",
            "childInvolved", true,
            "narrative", "a boy sells water for a man who keeps his money");
    private static final String ID = "tip-s:outreach";

    @TempDir
    Path dataDir;

    private DispatchTestBed bed;
    private RecordingAgency gateway;

    @BeforeEach
    void setUp() {
        bed = new DispatchTestBed(dataDir);
        gateway = bed.agency();
    }

    @AfterEach
    void tearDown() throws Exception {
        bed.close();
    }

    @Test
    void shouldSendOneSegmentNoticeThroughGateway() {
        // given
        Dispatch node = bed.node(DispatchTestBed.config("node-a").smsGatewayUrl(gateway.url("/sms/send")).build());
        DispatchTestBed.refer(node, "tip-s", "S3MS1", CHILD, DispatchTestBed.pathway(null, null));

        // when
        node.worker().dispatchOnce();

        // then
        assertThat(gateway.requests()).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/sms/send");
            JsonObject body = new JsonObject(request.body());
            assertThat(body.getString("to")).isEqualTo("+231770000200");
            assertThat(body.getString("reference")).isEqualTo("S3MS1");
            String text = body.getString("text");
            // the outreach profile (notice) does not list the exploitation type: the text does not name it
            assertThat(text).startsWith("Hotline referral S3MS1: new case, HIGH.").doesNotContain("other")
                    .contains("/portal/referrals/tip-s%3Aoutreach").doesNotContain("boy sells water");
            assertThat(SmsText.segments(text)).isEqualTo(1);
            assertThat(request.header("Idempotency-Key")).isEqualTo(node.referrals().find(ID).orElseThrow().idempotencyKey());
        });
        assertThat(node.referrals().find(ID).orElseThrow().state()).isEqualTo(ReferralState.DELIVERED);
    }

    @Test
    void shouldSendTheWholeNoticeWithItsLinkForARealReferralId() {
        // given a referral with the id a real tip gets (a UUID) and the default template and portal
        Dispatch node = bed.node(DispatchTestBed.config("node-a").smsGatewayUrl(gateway.url("/sms/send")).build());
        String tipId = "6f1c2a9e-3b7d-4e55-9a1f-2c8d7e6b5a41";
        DispatchTestBed.refer(node, tipId, "S3MS4", CHILD, DispatchTestBed.pathway(null, null));

        // when
        node.worker().dispatchOnce();

        // then the agency gets every word, the reply code and the whole link, in a concatenated SMS
        String text = new JsonObject(gateway.requests().get(0).body()).getString("text");
        assertThat(text).startsWith("Hotline referral S3MS4: new case, HIGH. Acknowledge by ")
                .contains("Reply ACK ").endsWith("/portal/referrals/" + tipId + "%3Aoutreach").doesNotContain("..");
        assertThat(SmsText.segments(text)).isBetween(2, 3);
    }

    @Test
    void shouldCutAnOverlongTemplateButNeverItsLink() {
        // given a template far longer than three SMS parts, the link in the middle
        String template = "URGENT {reference} {link} " + "please call the duty desk at once ".repeat(20);
        Dispatch node = bed.node(DispatchTestBed.config("node-a").smsGatewayUrl(gateway.url("/sms/send"))
                .smsTemplate(template).build());
        DispatchTestBed.refer(node, "tip-s", "S3MS2", CHILD, DispatchTestBed.pathway(null, null));

        // when
        node.worker().dispatchOnce();

        // then
        String text = new JsonObject(gateway.requests().get(0).body()).getString("text");
        assertThat(text).startsWith("URGENT S3MS2 please").endsWith(".. http://127.0.0.1:8080/portal/referrals/tip-s%3Aoutreach");
        assertThat(SmsText.segments(text)).isEqualTo(3);
    }

    @Test
    void shouldRetryWhenGatewayFailsThenDeliverOnce() {
        // given
        gateway.thenAnswer(503);
        Dispatch node = bed.node(DispatchTestBed.config("node-a").smsGatewayUrl(gateway.url("/sms/send")).build());
        DispatchTestBed.refer(node, "tip-s", "S3MS3", CHILD, DispatchTestBed.pathway(null, null));

        // when
        node.worker().dispatchOnce();
        bed.clock.advanceTo(node.referrals().find(ID).orElseThrow().nextAttemptAt());
        node.worker().dispatchOnce();

        // then
        Referral referral = node.referrals().find(ID).orElseThrow();
        assertThat(referral.state()).isEqualTo(ReferralState.DELIVERED);
        assertThat(referral.attempts()).extracting(Referral.Attempt::httpStatus).containsExactly(503, 200);
        assertThat(gateway.effectiveDeliveries()).hasSize(1);
    }

    @Test
    void shouldDeadLetterReferralWithReasonWhenNoGatewayIsConfigured() {
        // given
        Dispatch node = bed.node(DispatchTestBed.config("node-a").build());
        DispatchTestBed.refer(node, "tip-s", "S3MS4", CHILD, DispatchTestBed.pathway(null, null));

        // when
        node.worker().dispatchOnce();

        // then
        Referral referral = node.referrals().find(ID).orElseThrow();
        assertThat(referral.state()).isEqualTo(ReferralState.DEAD_LETTER);
        assertThat(referral.lastError()).startsWith("channel sms is not configured on node node-a (HOTLINE_SMS_GATEWAY_URL"
                + " is not set)");
        assertThat(gateway.requests()).isEmpty();
    }
}
