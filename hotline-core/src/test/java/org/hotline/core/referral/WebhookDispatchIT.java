package org.hotline.core.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.referral.DispatchTestBed.SECRET;
import static org.hotline.core.referral.DispatchTestBed.SECRET_REF;
import static org.hotline.core.referral.DispatchTestBed.DANGER_ONLY;
import static org.hotline.core.referral.DispatchTestBed.TIP_FIELDS;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.hotline.core.referral.internal.WebhookSigner;
import org.hotline.core.storage.RoundTrips;
import org.hotline.core.tip.TipQueries;
import org.hotline.core.testsupport.RecordingAgency;
import org.hotline.pathway.Pathway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookDispatchIT {


    @TempDir
    Path dataDir;

    private DispatchTestBed bed;
    private Dispatch node;

    @BeforeEach
    void setUp() {
        bed = new DispatchTestBed(dataDir);
        node = bed.node(DispatchTestBed.config("node-a").build());
    }

    @AfterEach
    void tearDown() throws Exception {
        bed.close();
    }

    @Test
    void shouldDeliverOneSignedProfileOnlyReferralToEachMatchingAgency() {
        // given
        RecordingAgency police = bed.agency();
        RecordingAgency labour = bed.agency();
        bed.insertTip("tip-1", "K7Q2M");
        DispatchTestBed.refer(node, "tip-1", "K7Q2M", TIP_FIELDS, DispatchTestBed.pathway(police, labour));

        // when
        int handled = node.worker().dispatchOnce();

        // then
        assertThat(handled).isEqualTo(2);
        assertThat(police.requests()).hasSize(1);
        assertThat(labour.requests()).hasSize(1);
        RecordingAgency.Received received = police.requests().get(0);
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.path()).isEqualTo("/referrals");
        assertThat(received.header("Content-Type")).startsWith("application/json");
        assertThat(received.header("X-Hotline-Signature"))
                .isEqualTo(WebhookSigner.signature(received.body().getBytes(StandardCharsets.UTF_8), SECRET));
        JsonObject body = new JsonObject(received.body());
        assertThat(body.getString("referralId")).isEqualTo("tip-1:police");
        assertThat(body.getString("reference")).isEqualTo("K7Q2M");
        assertThat(body.getString("agency")).isEqualTo("police");
        assertThat(body.getString("category")).isEqualTo("forced_labour");
        assertThat(body.getString("priority")).isEqualTo("IMMEDIATE");
        assertThat(body.getString("acknowledgeBy")).isEqualTo(DispatchTestBed.T0.plus(Duration.ofMinutes(30)).toString());
        // the police profile without the caller's phone: the caller did not consent to share it
        assertThat(body.getJsonObject("payload").fieldNames())
                .containsExactlyInAnyOrder("reference", "exploitationType", "region", "immediateDanger", "narrative");
        assertThat(new JsonObject(labour.requests().get(0).body()).getJsonObject("payload").fieldNames())
                .containsExactlyInAnyOrder("exploitationType", "region");
        assertThat(received.header("Idempotency-Key")).isEqualTo(node.referrals().find("tip-1:police").orElseThrow().idempotencyKey());
    }

    @Test
    void shouldRecordDeliveryAndAttemptOnTheReferralAloneInOneWrite() {
        // given
        RecordingAgency police = bed.agency();
        bed.insertTip("tip-2", "M3X9P");
        DispatchTestBed.refer(node, "tip-2", "M3X9P", DANGER_ONLY, DispatchTestBed.pathway(police, null));
        bed.clock.advance(Duration.ofSeconds(3));
        Map<RoundTrips.Kind, Long> before = bed.mongo.roundTrips().snapshot();

        // when
        node.worker().dispatchOnce();

        // then
        Referral referral = node.referrals().find("tip-2:police").orElseThrow();
        assertThat(referral.state()).isEqualTo(ReferralState.DELIVERED);
        assertThat(referral.deliveredAt()).isEqualTo(bed.clock.instant());
        assertThat(referral.attempts()).singleElement().satisfies(a -> {
            assertThat(a.result()).isEqualTo("delivered");
            assertThat(a.httpStatus()).isEqualTo(200);
            assertThat(a.channel()).isEqualTo("webhook");
            assertThat(a.node()).isEqualTo("node-a");
            assertThat(a.latencyMillis()).isBetween(0L, 10_000L);
            assertThat(a.error()).isNull();
        });
        assertThat(bed.stateOn("tip-2", "police")).isEqualTo(new TipQueries.ReferralState("DELIVERED", bed.clock.instant()));
        // the delivery is one write, to the referral: the tip keeps no copy of its state to update
        Map<RoundTrips.Kind, Long> after = bed.mongo.roundTrips().snapshot();
        assertThat(after.getOrDefault(new RoundTrips.Kind("update", "referrals"), 0L)
                - before.getOrDefault(new RoundTrips.Kind("update", "referrals"), 0L)).isEqualTo(1);
        assertThat(after.getOrDefault(new RoundTrips.Kind("update", "tips"), 0L))
                .isEqualTo(before.getOrDefault(new RoundTrips.Kind("update", "tips"), 0L));
        assertThat(bed.tip("tip-2")).doesNotContainKey("referrals");
        assertThat(bed.metrics.registry().getSampleValue("hotline_delivery_attempts_total",
                new String[] {"channel", "result"}, new String[] {"webhook", "delivered"})).isEqualTo(1.0);
    }

    @Test
    void shouldRetryAndDeliverOnceWhenAgencyAnswers500Then200() {
        // given
        RecordingAgency police = bed.agency().thenAnswer(500);
        DispatchTestBed.refer(node, "tip-3", "R5T7W", DANGER_ONLY, DispatchTestBed.pathway(police, null));

        // when
        node.worker().dispatchOnce();
        Referral afterFailure = node.referrals().find("tip-3:police").orElseThrow();
        bed.clock.advanceTo(afterFailure.nextAttemptAt());
        node.worker().dispatchOnce();

        // then
        assertThat(afterFailure.state()).isEqualTo(ReferralState.FAILED);
        assertThat(afterFailure.lastError()).contains("HTTP 500");
        assertThat(afterFailure.attempts()).singleElement().satisfies(a -> assertThat(a.httpStatus()).isEqualTo(500));
        Referral delivered = node.referrals().find("tip-3:police").orElseThrow();
        assertThat(delivered.state()).isEqualTo(ReferralState.DELIVERED);
        assertThat(delivered.attempts()).extracting(Referral.Attempt::result).containsExactly("retry", "delivered");
        assertThat(police.requests()).hasSize(2);
        assertThat(police.requests()).extracting(r -> r.header("Idempotency-Key")).containsOnly(delivered.idempotencyKey());
        assertThat(police.effectiveDeliveries()).hasSize(1);
    }

    @Test
    void shouldNotRetryBeforeBackoffHasPassed() {
        // given
        RecordingAgency police = bed.agency().thenAnswer(503);
        DispatchTestBed.refer(node, "tip-4", "B2C4D", DANGER_ONLY, DispatchTestBed.pathway(police, null));
        node.worker().dispatchOnce();
        Referral failed = node.referrals().find("tip-4:police").orElseThrow();

        // when
        bed.clock.advanceTo(failed.nextAttemptAt().minusMillis(1));
        int early = node.worker().dispatchOnce();

        // then
        assertThat(early).isZero();
        assertThat(police.requests()).hasSize(1);
        assertThat(Duration.between(bed.clock.instant(), failed.nextAttemptAt())).isEqualTo(Duration.ofMillis(1));
        assertThat(Duration.between(failed.attempts().get(0).at(), failed.nextAttemptAt()))
                .isBetween(DispatchConfig.DEFAULT_BACKOFF_BASE.dividedBy(2), DispatchConfig.DEFAULT_BACKOFF_BASE);
    }

    @Test
    void shouldRetryWhenAgencyDoesNotAnswerInTime() {
        // given
        RecordingAgency police = bed.agency().thenHang();
        node = bed.node(DispatchTestBed.config("node-t").responseTimeout(Duration.ofMillis(800)).build());
        DispatchTestBed.refer(node, "tip-5", "H8J2K", DANGER_ONLY, DispatchTestBed.pathway(police, null));

        // when
        node.worker().dispatchOnce();
        Referral timedOut = node.referrals().find("tip-5:police").orElseThrow();
        bed.clock.advanceTo(timedOut.nextAttemptAt());
        node.worker().dispatchOnce();

        // then
        assertThat(timedOut.state()).isEqualTo(ReferralState.FAILED);
        assertThat(timedOut.lastError()).containsIgnoringCase("timeout");
        assertThat(timedOut.attempts().get(0).httpStatus()).isNull();
        assertThat(node.referrals().find("tip-5:police").orElseThrow().state()).isEqualTo(ReferralState.DELIVERED);
        assertThat(police.effectiveDeliveries()).hasSize(1);
    }

    @Test
    void shouldNotDuplicateWhenSlowAgencyAcceptsAfterOurTimeout() {
        // given: the agency takes the first copy but answers long after our response timeout
        RecordingAgency police = bed.agency().thenAnswerAfter(200, Duration.ofSeconds(3));
        node = bed.node(DispatchTestBed.config("node-t").responseTimeout(Duration.ofMillis(800)).build());
        DispatchTestBed.refer(node, "tip-6", "S1L0W", DANGER_ONLY, DispatchTestBed.pathway(police, null));

        // when
        node.worker().dispatchOnce();
        bed.clock.advanceTo(node.referrals().find("tip-6:police").orElseThrow().nextAttemptAt());
        node.worker().dispatchOnce();

        // then
        Referral referral = node.referrals().find("tip-6:police").orElseThrow();
        assertThat(referral.state()).isEqualTo(ReferralState.DELIVERED);
        assertThat(referral.attempts()).extracting(Referral.Attempt::result).containsExactly("retry", "delivered");
        assertThat(police.requests()).hasSize(2);
        assertThat(police.effectiveDeliveries()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 410, 422})
    void shouldDeadLetterWithReasonWhenAgencyRejectsPermanently(int status) {
        // given
        RecordingAgency police = bed.agency().thenAnswer(status);
        bed.insertTip("tip-7", "D3AD1");
        DispatchTestBed.refer(node, "tip-7", "D3AD1", DANGER_ONLY, DispatchTestBed.pathway(police, null));

        // when
        node.worker().dispatchOnce();
        bed.clock.advance(Duration.ofDays(1));
        int later = node.worker().dispatchOnce();

        // then
        Referral referral = node.referrals().find("tip-7:police").orElseThrow();
        assertThat(referral.state()).isEqualTo(ReferralState.DEAD_LETTER);
        assertThat(referral.lastError()).startsWith("HTTP " + status);
        assertThat(later).isZero();
        assertThat(police.requests()).hasSize(1);
        assertThat(bed.stateOn("tip-7", "police").state()).isEqualTo("DEAD_LETTER");
        assertThat(node.referrals().inState(ReferralState.DEAD_LETTER, 10)).extracting(Referral::id)
                .containsExactly("tip-7:police");
        assertThat(bed.metrics.registry().getSampleValue("hotline_dead_letters_total",
                new String[] {"channel", "agency"}, new String[] {"webhook", "police"})).isEqualTo(1.0);
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 502, 503, 504})
    void shouldRetryWhenAgencyAnswersWithPassingError(int status) {
        // given
        RecordingAgency police = bed.agency().thenAnswer(status);
        DispatchTestBed.refer(node, "tip-8", "P4SS1", DANGER_ONLY, DispatchTestBed.pathway(police, null));

        // when
        node.worker().dispatchOnce();

        // then
        Referral referral = node.referrals().find("tip-8:police").orElseThrow();
        assertThat(referral.state()).isEqualTo(ReferralState.FAILED);
        assertThat(referral.lastError()).startsWith("HTTP " + status);
        assertThat(referral.nextAttemptAt()).isAfter(bed.clock.instant());
    }

    @Test
    void shouldFailWithReasonAndSendNothingWhenSecretIsMissing() {
        // given
        Dispatch noSecrets = bed.node(DispatchTestBed.config("node-s").build(), SecretResolver.fromMap(Map.of()), bed.mongo);
        RecordingAgency police = bed.agency();
        DispatchTestBed.refer(noSecrets, "tip-9", "N0K3Y", DANGER_ONLY, DispatchTestBed.pathway(police, null));

        // when
        noSecrets.worker().dispatchOnce();

        // then
        Referral referral = noSecrets.referrals().find("tip-9:police").orElseThrow();
        assertThat(referral.state()).isEqualTo(ReferralState.FAILED);
        assertThat(referral.lastError()).contains("no signing secret '" + SECRET_REF + "'").contains("police");
        assertThat(police.requests()).isEmpty();
    }

    @Test
    void shouldSendImmediateDangerBeforeOlderNormalReferrals() {
        // given
        RecordingAgency police = bed.agency();
        RecordingAgency labour = bed.agency();
        Pathway pathway = DispatchTestBed.pathway(police, labour);
        DispatchTestBed.refer(node, "tip-old", "OLD11", Map.of("exploitationType", "forced_labour", "region", "NO"), pathway);
        bed.clock.advance(Duration.ofMinutes(5));
        DispatchTestBed.refer(node, "tip-new", "NEW22", DANGER_ONLY, pathway);

        // when
        node.worker().dispatchOnce();

        // then
        assertThat(police.requests()).hasSize(1);
        assertThat(labour.requests()).hasSize(1);
        assertThat(police.requests().get(0).receivedNanos()).isLessThan(labour.requests().get(0).receivedNanos());
    }

    @Test
    void shouldDeliverInFlightReferralByPathwayVersionThatCreatedIt() {
        // given: created under version 1, then version 2 moves the police endpoint
        RecordingAgency oldEndpoint = bed.agency();
        RecordingAgency newEndpoint = bed.agency();
        DispatchTestBed.refer(node, "tip-v", "V3R51", DANGER_ONLY, DispatchTestBed.pathway(oldEndpoint, null));
        Pathway v2 = TestPathways.load(Map.of("PATHWAY_VERSION", "2", "POLICE_URL", newEndpoint.url("/v2")));

        // when: the same tip is routed again by the new version (e.g. a replay) and dispatch runs
        DispatchTestBed.refer(node, "tip-v", "V3R51", DANGER_ONLY, v2);
        node.worker().dispatchOnce();

        // then
        assertThat(oldEndpoint.requests()).hasSize(1);
        assertThat(newEndpoint.requests()).isEmpty();
        assertThat(node.referrals().find("tip-v:police").orElseThrow().pathwayVersion()).isEqualTo("1");
    }
}
