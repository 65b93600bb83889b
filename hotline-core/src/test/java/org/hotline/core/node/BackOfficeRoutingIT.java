package org.hotline.core.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.crypto.TipCipher;
import org.hotline.core.e2e.TestFiles;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.pathway.ActivePathway;
import org.hotline.core.referral.Dispatch;
import org.hotline.core.referral.DispatchConfig;
import org.hotline.core.referral.SecretResolver;
import org.hotline.core.routing.TipRouter;
import org.hotline.core.storage.MongoStore;
import org.hotline.core.tip.TipQueries;
import org.hotline.core.tip.internal.MongoTipRepository;
import org.hotline.pathway.LoadResult;
import org.hotline.pathway.PathwayLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The back-office routing poll against the embedded MongoDB-compatible server: claims, and a tip it cannot open. */
class BackOfficeRoutingIT {

    @TempDir
    Path dir;

    @Test
    void shouldRouteEveryReadableTipOnceAndSkipATipSealedWithOtherKeysAndOneClaimedElsewhere() throws Exception {
        // given: tips from three call-facing nodes; one sealed with other data keys, one claimed by another office
        try (MongoStore mongo = MongoStore.embedded(dir.resolve("mongo"), 0, "hotline", Duration.ofSeconds(5))) {
            TipCipher keys = TipCipher.open(Map.of(), dir.resolve("office"));
            TipCipher otherKeys = TipCipher.open(Map.of(), dir.resolve("misconfigured-node"));
            MongoTipRepository tips = new MongoTipRepository(mongo, keys);
            Clock clock = Clock.systemUTC();
            var pathway = ((LoadResult.Valid) PathwayLoader.load(java.nio.file.Files.readString(TestFiles.NATIONAL_PATHWAY),
                    "national.yaml", TestFiles.LOCAL_AGENCIES)).pathway();
            ActivePathway active = ActivePathway.of(pathway);
            List<AuditEvent> audit = new ArrayList<>();
            try (Dispatch dispatch = Dispatch.create(new Dispatch.Needs(mongo, DispatchConfig.defaults("office-1"),
                    SecretResolver.fromMap(Map.of()), new HotlineMetrics(false), clock, keys, audit::add,
                    new TipQueries(tips)::caseFile, active::get))) {
                TipRouter router = new TipRouter(tips, active, dispatch.referrals(), dispatch.updates(), clock);
                String unreadable = store(mongo, otherKeys, "100000001");
                String readable = store(mongo, keys, "100000002");
                String claimedElsewhere = store(mongo, keys, "100000003");
                Instant now = clock.instant();
                assertThat(tips.claimRouting(claimedElsewhere, "office-2", now, now.plus(BackOfficeRouting.CLAIM))).isTrue();

                // when: two polls
                int first = BackOfficeRouting.routeUnrouted(router, tips, "office-1", clock);
                int second = BackOfficeRouting.routeUnrouted(router, tips, "office-1", clock);

                // then: the readable tip is routed once, by this office; the others stay for whoever can route them
                assertThat(first).isEqualTo(1);
                assertThat(second).isZero();
                assertThat(tip(mongo, readable).getBoolean("routed")).isTrue();
                assertThat(tip(mongo, readable).getString("routingClaimBy")).isEqualTo("office-1");
                assertThat(mongo.database().getCollection("referrals").countDocuments(new Document("tipId", readable)))
                        .isEqualTo(1); // forced labour, an adult, MO: the labour inspectorate
                assertThat(tip(mongo, unreadable).getBoolean("routed")).isFalse();
                assertThat(tip(mongo, claimedElsewhere).getBoolean("routed")).isFalse();
                assertThat(tip(mongo, claimedElsewhere).getString("routingClaimBy")).isEqualTo("office-2");
                assertThat(mongo.database().getCollection("referrals").countDocuments(
                        new Document("tipId", new Document("$in", List.of(unreadable, claimedElsewhere))))).isZero();
            }
        }
    }

    /** A tip as a call-facing node stores it: sealed with that node's data keys, not yet routed. */
    private static String store(MongoStore mongo, TipCipher sealedWith, String reference) {
        String id = UUID.randomUUID().toString();
        Document doc = new Document("_id", id).append("reference", reference).append("receivedAt", new Date())
                .append("source", "ivr").append("outcome", "COMPLETED").append("status", "RECEIVED")
                .append("fields", new Document(Map.of("exploitationType", "forced_labour", "region", "MO",
                        "childInvolved", false, "immediateDanger", false, "narrative", "workers cannot leave the camp")))
                .append("consents", new Document("share_services", true)).append("routed", false);
        mongo.database().getCollection("tips").insertOne(sealedWith.seal(doc));
        return id;
    }

    private static Document tip(MongoStore mongo, String id) {
        return Optional.ofNullable(mongo.database().getCollection("tips").find(new Document("_id", id)).first())
                .orElseThrow();
    }
}
