package org.hotline.core.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.pathway.LifecycleBed.ALICE;
import static org.hotline.core.pathway.LifecycleBed.BOB;

import com.mongodb.client.MongoCollection;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.hotline.core.crypto.TipCipher;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.referral.Dispatch;
import org.hotline.core.referral.DispatchConfig;
import org.hotline.core.referral.SecretResolver;
import org.hotline.core.routing.TipRouter;
import org.hotline.core.testsupport.RecordingAgency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A referral keeps the payload of the version that routed its tip: activation of a new version while it
 * waits for delivery changes nothing about what the agency receives.
 */
class InFlightReferralIT {

    private static final String V1 = """
            pathway: { id: inflight, version: "1", name: In-flight test, country: LR }
            regions:
              - { code: NO, name: North, keypad: "1" }
            exploitation_types: [forced_labour, other]
            agencies:
              - id: police
                name: Police
                kind: police
                channels:
                  - { type: webhook, url: "${POLICE_URL}", secret_ref: AGENCY_SECRET }
              - id: coordinator
                name: Coordinator
                kind: coordinator
                channels:
                  - { type: portal }
              - id: welfare
                name: Welfare
                kind: social_welfare
                channels:
                  - { type: portal }
            profiles:
              - id: police
                fields: [reference, exploitationType, region]
            rules:
              - id: labour
                when: { exploitation_type: forced_labour }
                refer:
                  - { agency: police, profile: police, acknowledge_within: 1d }
              - id: child
                when: { child_involved: true }
                refer:
                  - { agency: welfare, profile: police, acknowledge_within: 1d }
            fallback: { agency: coordinator, profile: police, acknowledge_within: 1d }
            """;
    /** Version 2 also shares the narrative with the police. */
    private static final String V2 = V1.replace("version: \"1\"", "version: \"2\"")
            .replace("fields: [reference, exploitationType, region]", "fields: [reference, exploitationType, region, narrative]");
    private static final Map<String, Object> TIP = Map.of("exploitationType", "forced_labour", "region", "NO",
            "narrative", "workers locked in at the quarry");

    @TempDir
    Path dataDir;

    private final Vertx vertx = Vertx.vertx();
    private LifecycleBed bed;
    private RecordingAgency police;
    private Dispatch dispatch;

    @BeforeEach
    void setUp() {
        bed = new LifecycleBed(dataDir.resolve("mongo"));
        police = RecordingAgency.start(vertx);
        dispatch = Dispatch.create(new Dispatch.Needs(bed.mongo, DispatchConfig.builder("node-a")
                .connectTimeout(Duration.ofSeconds(2)).responseTimeout(Duration.ofSeconds(2)).build(),
                SecretResolver.fromMap(Map.of("AGENCY_SECRET", "s3cret-for-tests")), new HotlineMetrics(false), bed.clock,
                org.hotline.core.crypto.PayloadSeal.NONE, event -> { }, tipId -> java.util.Optional.empty(),
                () -> {
                    throw new IllegalStateException("this test hands no case over");
                }));
    }

    @AfterEach
    void tearDown() throws Exception {
        dispatch.close();
        police.close();
        bed.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldDeliverAReferralCreatedUnderVersion1WithItsPayloadAfterVersion2IsActivated() throws Exception {
        // given a node routing by version 1, and a tip routed under it whose referral is not yet delivered
        Map<String, String> env = Map.of("POLICE_URL", police.url("/referrals"), "HOTLINE_ALLOW_LOCAL_WEBHOOKS", "true");
        Path file = Files.writeString(dataDir.resolve("pathway.yaml"), V1);
        PathwayLifecycle lifecycle = bed.lifecycle(bed.mongo, env);
        ActivePathway active = ActivePathway.fromFile(file, env);
        PathwaySync sync = new PathwaySync(lifecycle, active, env);
        sync.syncOnce();
        TipRouter router = new TipRouter(new org.hotline.core.tip.internal.MongoTipRepository(bed.mongo, TipCipher.open(Map.of(), dataDir.resolve("keys"))),
                active, dispatch.referrals(), dispatch.updates(), bed.clock);
        route(router, "tip-1", "100000001");

        // when version 2 is activated before the referral goes out, and a second tip arrives
        PathwayVersion v2 = lifecycle.createDraft(V2, ALICE);
        lifecycle.submit(v2.id(), ALICE, "police need the narrative");
        lifecycle.approve(v2.id(), BOB, "agreed with the police");
        lifecycle.activate(v2.id(), BOB, "agreed with the police", Optional.empty());
        sync.syncOnce();
        route(router, "tip-2", "100000002");
        int delivered = dispatch.worker().dispatchOnce();

        // then the first referral carries version 1's payload, the second version 2's, and each tip its version
        assertThat(delivered).isEqualTo(2);
        Map<String, JsonObject> byReference = new HashMap<>();
        police.requests().forEach(r -> {
            JsonObject body = new JsonObject(r.body());
            byReference.put(body.getString("reference"), body.getJsonObject("payload"));
        });
        assertThat(byReference.get("100000001").fieldNames())
                .containsExactlyInAnyOrder("reference", "exploitationType", "region");
        assertThat(byReference.get("100000002").fieldNames())
                .containsExactlyInAnyOrder("reference", "exploitationType", "region", "narrative");
        assertThat(dispatch.referrals().find("tip-1:police").orElseThrow().pathwayVersion()).isEqualTo("1");
        assertThat(dispatch.referrals().find("tip-2:police").orElseThrow().pathwayVersion()).isEqualTo("2");
        assertThat(tips().find(new Document("_id", "tip-1")).first().getString("pathwayVersion")).isEqualTo("1");
        assertThat(tips().find(new Document("_id", "tip-2")).first().getString("pathwayVersion")).isEqualTo("2");
    }

    /** Stores a tip as intake does and routes it by the node's active version. */
    private void route(TipRouter router, String tipId, String reference) {
        Document tip = new Document("_id", tipId).append("reference", reference).append("outcome", "COMPLETED")
                .append("receivedAt", Date.from(bed.clock.instant())).append("routed", false)
                .append("fields", new Document(TIP)).append("consents", new Document());
        tips().insertOne(tip);
        router.route(tipId);
    }

    private MongoCollection<Document> tips() {
        return bed.mongo.database().getCollection("tips");
    }
}
