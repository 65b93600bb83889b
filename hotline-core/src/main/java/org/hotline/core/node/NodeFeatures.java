package org.hotline.core.node;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.hotline.core.agency.AgencyPortal;
import org.hotline.core.ami.AmiClient;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.auth.AccountRoutes;
import org.hotline.core.auth.AuthRoutes;
import org.hotline.core.auth.SecondFactorRoutes;
import org.hotline.core.auth.Sessions;
import org.hotline.core.auth.UserAccounts;
import org.hotline.core.console.Console;
import org.hotline.core.http.ApiRoutes;
import org.hotline.core.intake.JournaledQueue;
import org.hotline.core.intake.TipIntakeService;
import org.hotline.core.crypto.TipCipher;
import org.hotline.core.live.Live;
import org.hotline.core.live.internal.MongoOperatorDirectory;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.metrics.MetricsRoutes;
import org.hotline.core.ops.Readiness;
import org.hotline.core.ops.ReadyRoutes;
import org.hotline.core.pathway.ActivePathway;
import org.hotline.core.pathway.PathwayApi;
import org.hotline.core.pathway.PathwayLifecycle;
import org.hotline.core.pathway.editor.PathwayEditorAssets;
import org.hotline.core.privacy.PrivacyRoutes;
import org.hotline.core.privacy.TipPrivacy;
import org.hotline.core.followup.FollowUpLocks;
import org.hotline.core.followup.FollowUpRoutes;
import org.hotline.core.referral.Dispatch;
import org.hotline.core.referral.Handovers;
import org.hotline.core.referral.SecretResolver;
import org.hotline.core.routing.TipRouter;
import org.hotline.core.stats.ResearchExport;
import org.hotline.core.stats.StatsConfig;
import org.hotline.core.stats.StatsRoutes;
import org.hotline.core.stats.StatsService;
import org.hotline.core.storage.MongoStore;
import org.hotline.core.tip.TipQueries;
import org.hotline.core.abuse.AbuseFlags;
import org.hotline.core.abuse.AbuseRoutes;
import org.hotline.core.abuse.internal.MongoAbuseFlagStore;
import org.hotline.core.crypto.PayloadSeal;
import org.hotline.core.qa.QaRoutes;
import org.hotline.core.related.RelatedReports;
import org.hotline.core.related.RelatedRoutes;
import org.hotline.core.related.internal.MongoTipLinks;
import org.hotline.core.qa.internal.MongoQaReviews;
import org.hotline.core.telephony.Telephony;
import org.hotline.core.tip.TipRepository;

/**
 * Every feature's HTTP routes, each guarded by its own roles, built from a node's running parts. New features
 * add their {@code ApiRoutes} here (and to {@code openapi.yaml}, which the role matrix test checks).
 */
record NodeFeatures(HotlineConfig config, Map<String, String> env, Clock clock, HotlineMetrics metrics,
        MongoStore mongo, AuditLog audit, TipRepository tips, ActivePathway pathway, PathwayLifecycle pathways,
        TipPrivacy tipPrivacy, Dispatch dispatch, TipRouter router, Handovers handovers, TipIntakeService intake,
        StatsConfig statsConfig, Supplier<List<String>> languages, Optional<JournaledQueue> formJournal,
        TipCipher cipher) {

    /** What every node serves whatever its roles: {@code /ready} and {@code /metrics} (Prometheus scrapes each). */
    static List<ApiRoutes> opsRoutes(HotlineConfig config, HotlineMetrics metrics, Readiness readiness) {
        return List.of(new ReadyRoutes(readiness), new MetricsRoutes(metrics, config.metricsToken(), config.demo()));
    }

    /** The staff API and pages: what the {@code web} role serves. */
    List<ApiRoutes> routes(Vertx vertx, UserAccounts accounts, Sessions sessions, Optional<AmiClient> ami,
            FollowUpLocks followUpLocks) {
        List<ApiRoutes> features = new ArrayList<>(List.of(
                new AuthRoutes(vertx, accounts, sessions, config.secureCookies(), clock),
                new AccountRoutes(vertx, accounts), new SecondFactorRoutes(vertx, accounts)));
        features.addAll(Console.routes(mongo, tips, intake, pathway, dispatch, router, handovers, metrics, audit, clock,
                Console.zone(env), languages, formJournal, cipher));
        features.add(new PathwayApi(pathways, id -> accounts.byId(id).map(org.hotline.core.auth.Principal::username)));
        features.add(new PathwayEditorAssets());
        features.addAll(AgencyPortal.routes(mongo, dispatch, pathway, audit, SecretResolver.fromMap(env), clock));
        // The call pop reads the tip for the operator it is pushed to; the live feature audits that read.
        AbuseFlags abuse = new AbuseFlags(new MongoAbuseFlagStore(mongo), tips::callerHash, audit, clock);
        features.add(new AbuseRoutes(vertx, abuse));
        features.add(new RelatedRoutes(vertx, new RelatedReports(tips, new MongoTipLinks(mongo), audit, clock)));
        Live live = Live.wire(ami, new TipQueries(tips)::byReference, abuse::flagged, metrics, clock);
        features.add(live.routes(vertx, new MongoOperatorDirectory(mongo), audit));
        features.addAll(Telephony.wire(ami, TelephonySettings.needs(env, mongo, dispatch, pathway,
                reference -> new TipQueries(tips).byReference(reference).map(org.hotline.core.tip.Tip::id)), audit, clock)
                .routes(vertx, new MongoOperatorDirectory(mongo), clock));
        features.add(new QaRoutes(vertx, new MongoQaReviews(mongo), reference -> new TipQueries(tips)
                .byReference(reference).map(org.hotline.core.tip.Tip::id), cipher, statsConfig.minCell(), audit, clock));
        features.add(new PrivacyRoutes(vertx, tipPrivacy));
        features.add(new FollowUpRoutes(vertx, followUpLocks, audit));
        features.add(new StatsRoutes(new StatsService(mongo.database(), tips, statsConfig, clock, languages),
                new ResearchExport(tips, statsConfig, audit)));
        return features;
    }
}
