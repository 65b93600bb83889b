package org.hotline.core;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.asteriskjava.fastagi.AgiScript;
import org.bson.Document;
import org.hotline.core.agency.AgencyPortal;
import org.hotline.core.audit.AuditChain;
import org.hotline.core.ami.AmiClient;
import org.hotline.core.ami.AmiConfig;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.audit.internal.MongoAuditLog;
import org.hotline.core.auth.Access;
import org.hotline.core.auth.AuthRoutes;
import org.hotline.core.auth.PasswordHasher;
import org.hotline.core.auth.Sessions;
import org.hotline.core.auth.UserAccounts;
import org.hotline.core.auth.internal.SessionAccess;
import org.hotline.core.crypto.KeyRotation;
import org.hotline.core.crypto.TipCipher;
import org.hotline.core.demo.DemoAgencyReceiver;
import org.hotline.core.console.Console;
import org.hotline.core.http.ApiRoutes;
import org.hotline.core.followup.MongoFollowUpDesk;
import org.hotline.core.http.Health;
import org.hotline.core.http.HttpApi;
import org.hotline.core.intake.TipIntakeService;
import org.hotline.core.intake.internal.CounterFile;
import org.hotline.core.intake.internal.ReferenceCodec;
import org.hotline.core.intake.internal.TipJournal;
import org.hotline.core.intake.internal.TipWriter;
import org.hotline.core.live.Live;
import org.hotline.core.live.internal.MongoOperatorDirectory;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.ops.OpsConfig;
import org.hotline.core.ops.OpsSampler;
import org.hotline.core.ops.Readiness;
import org.hotline.core.ops.ReadyRoutes;
import org.hotline.core.pathway.ActivePathway;
import org.hotline.core.pathway.PathwayApi;
import org.hotline.core.pathway.PathwayLifecycle;
import org.hotline.core.pathway.PathwayLifecycleConfig;
import org.hotline.core.pathway.PathwaySync;
import org.hotline.core.pathway.editor.PathwayEditorAssets;
import org.hotline.core.privacy.AttemptLimiter;
import org.hotline.core.privacy.PrivacyJobs;
import org.hotline.core.privacy.TipPrivacy;
import org.hotline.core.referral.Dispatch;
import org.hotline.core.referral.DispatchConfig;
import org.hotline.core.referral.SecretResolver;
import org.hotline.core.retention.RetentionPurge;
import org.hotline.core.routing.TipRouter;
import org.hotline.core.security.ServerKey;
import org.hotline.core.storage.MongoStore;
import org.hotline.core.stats.CallLog;
import org.hotline.core.stats.ResearchExport;
import org.hotline.core.stats.StatsConfig;
import org.hotline.core.stats.StatsRoutes;
import org.hotline.core.stats.StatsService;
import org.hotline.core.tip.TipQueries;
import org.hotline.ivr.flow.FlowOptions;
import org.hotline.ivr.flow.FlowRegistry;
import org.hotline.ivr.flow.HotlineFlows;
import org.hotline.ivr.server.IvrServer;
import org.hotline.ivr.server.IvrServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running hotline node: storage, journal and intake, routing and dispatch, the FastAGI server and the
 * HTTP API, started in dependency order and stopped in reverse. {@link HotlineMain} runs it as a process;
 * tests start it in-process.
 */
public final class Hotline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Hotline.class);
    /** Tips older than this and still unrouted were left by a crash or an outage; the sweeper routes them. */
    private static final Duration SWEEP_AFTER = Duration.ofSeconds(5);

    private final HotlineConfig config;
    private final Vertx vertx;
    private final MongoStore mongo;
    private final TipJournal journal;
    private final TipWriter writer;
    private final Dispatch dispatch;
    private final IvrServer ivr;
    private final HttpServer http;
    private final ScheduledExecutorService sweeper;
    private final HotlineMetrics metrics;
    private final Readiness readiness;
    private final OpsSampler opsSampler;
    private final Duration drainTimeout;
    private final PrivacyParts privacy;
    private final PathwaySync pathwaySync;
    private final List<String> routes;
    private final Optional<AmiClient> ami;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Hotline(HotlineConfig config, Vertx vertx, MongoStore mongo, TipJournal journal, TipWriter writer,
            Dispatch dispatch, IvrServer ivr, HttpServer http, ScheduledExecutorService sweeper, HotlineMetrics metrics,
            Readiness readiness, OpsSampler opsSampler, Duration drainTimeout, PrivacyParts privacy, List<String> routes,
            PathwaySync pathwaySync, Optional<AmiClient> ami) {
        this.routes = List.copyOf(routes);
        this.ami = ami;
        this.privacy = privacy;
        this.pathwaySync = pathwaySync;
        this.config = config;
        this.vertx = vertx;
        this.mongo = mongo;
        this.journal = journal;
        this.writer = writer;
        this.dispatch = dispatch;
        this.ivr = ivr;
        this.http = http;
        this.sweeper = sweeper;
        this.metrics = metrics;
        this.readiness = readiness;
        this.opsSampler = opsSampler;
        this.drainTimeout = drainTimeout;
    }

    /** Starts a node; {@code env} is the variable map (pathway interpolation and agency secrets read it too). */
    public static Hotline start(HotlineConfig config, Map<String, String> env, Clock clock) {
        // Everything that can be checked without side effects is checked first, so a bad setting stops
        // start-up before any port is bound or file written.
        HotlineMetrics metrics = new HotlineMetrics(true);
        ActivePathway pathway = ActivePathway.fromFile(config.pathwayFile(), env);
        FlowRegistry flows = FlowRegistry.load(config.flowsDir());
        FlowOptions flowOptions = IvrWiring.flowOptions(pathway.get(), flows, metrics);
        DispatchConfig dispatchConfig = DispatchSettings.fromEnv(env, config.nodeId());
        IvrServerConfig ivrConfig = IvrServerConfig.fromEnvironment(env).withPort(config.agiPort())
                .withCapacity(config.agiCapacity());
        ServerKey key = ServerKey.load(config.serverKey(), config.dataDir());
        OpsConfig opsConfig = OpsSettings.fromEnv(env);
        PrivacySettings privacySettings = PrivacySettings.fromEnv(env);
        TipCipher cipher = TipCipher.open(env, config.dataDir());
        Optional<AmiConfig> amiConfig = AmiSettings.fromEnv(env);

        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            return startParts(config, env, clock, metrics, pathway, flows, flowOptions, dispatchConfig, ivrConfig,
                    key, opsConfig, privacySettings, cipher, amiConfig, started);
        } catch (RuntimeException e) {
            started.forEach(Hotline::closeQuietly);
            throw e;
        }
    }

    private static Hotline startParts(HotlineConfig config, Map<String, String> env, Clock clock,
            HotlineMetrics metrics, ActivePathway pathway, FlowRegistry flows, FlowOptions flowOptions,
            DispatchConfig dispatchConfig, IvrServerConfig ivrConfig, ServerKey key, OpsConfig opsConfig,
            PrivacySettings privacySettings, TipCipher cipher, Optional<AmiConfig> amiConfig,
            Deque<AutoCloseable> started) {
        StatsConfig statsConfig = StatsConfig.fromEnv(env);
        MongoStore mongo = config.mongoUri()
                .map(uri -> MongoStore.external(uri, config.mongoDatabase(), config.mongoTimeout()))
                .orElseGet(() -> MongoStore.embedded(config.dataDir().resolve("mongo"), config.embeddedMongoPort(),
                        config.mongoDatabase(), config.mongoTimeout()));
        started.push(mongo);
        Storage.ensureIndexes(mongo);
        AuditLog audit = new MongoAuditLog(mongo.database(), auditChain(key), clock, metrics::auditFailure);
        // Route by the stored active version before taking calls; every node then follows the schedule.
        PathwayLifecycleConfig pathwayConfig = PathwayLifecycleConfig.fromEnv(env);
        PathwayLifecycle pathways = new PathwayLifecycle(mongo, audit, env, clock, pathwayConfig.maxYamlBytes());
        PathwaySync pathwaySync = new PathwaySync(pathways, pathway, env).start(pathwayConfig.pollInterval());
        started.push(pathwaySync);
        new UserAccounts(mongo, new PasswordHasher(config.passwordIterations()), event -> { }, clock).ensureIndexes();

        Dispatch dispatch = Dispatch.start(mongo, dispatchConfig, Secrets.resolver(env, config.demo()), metrics, clock);
        started.push(dispatch);
        dispatch.referrals().auditWith(audit);
        TipRouter router = new TipRouter(mongo, pathway,
                (tipId, reference, fields, routing, active) ->
                        dispatch.referrals().createReferrals(tipId, reference, fields, routing, active), clock, cipher);

        TipJournal journal = TipJournal.open(config.dataDir().resolve("journal"));
        started.push(journal);
        TipWriter writer = new TipWriter(mongo, journal, router::route, metrics);
        started.push(writer);
        writer.start();
        journal.unconfirmed().forEach(writer::submit);

        TipIntakeService intake = new TipIntakeService(journal, writer,
                new ReferenceCodec(key.derive("reference"), config.nodeIndex()),
                CounterFile.open(config.dataDir().resolve("reference-counter")), key, metrics, clock, config.nodeId(),
                cipher);
        MongoFollowUpDesk desk = new MongoFollowUpDesk(mongo, intake::pinHash,
                number -> key.keyedHash("caller-hash", number), new AttemptLimiter(mongo.database(), clock), audit,
                cipher, clock);
        CallLog callLog = new CallLog(mongo, clock);
        AgiScript script = HotlineFlows.script(flows, intake, desk, IvrWiring.withCallLog(flowOptions, callLog), clock);
        Map<String, AgiScript> scripts = new HashMap<>();
        flows.current().flows().keySet().forEach(id -> scripts.put(id, script));
        IvrServer ivr = new IvrServer(ivrConfig, scripts, IvrWiring.callObserver(metrics, callLog));
        try {
            ivr.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for FastAGI on port " + config.agiPort(), e);
        }
        started.push(ivr);
        Readiness readiness = new Readiness(metrics)
                .register("mongodb", mongo::ping, "MongoDB is unreachable")
                .register("journal", journal::isOpen, "the tip journal is closed")
                .register("fastagi", () -> ivr.port() > 0, "the FastAGI server is not listening");
        OpsSampler opsSampler = new OpsSampler(readiness, mongo, metrics, clock).start(opsConfig.sampleInterval());
        started.push(opsSampler);

        Vertx vertx = Vertx.vertx();
        started.push(() -> await(vertx.close()));
        UserAccounts accounts = new UserAccounts(mongo, new PasswordHasher(config.passwordIterations()), audit, clock);
        Sessions sessions = new Sessions(mongo, accounts, clock);
        Access access = new SessionAccess(vertx, sessions, audit);
        List<ApiRoutes> features = new ArrayList<>(List.of(
                new AuthRoutes(vertx, accounts, sessions, config.secureCookies(), clock), new ReadyRoutes(readiness)));
        features.addAll(Console.routes(mongo, cipher, intake, pathway, dispatch, metrics, audit, clock, Console.zone(env)));
        features.add(new PathwayApi(pathways));
        features.add(new PathwayEditorAssets());
        features.addAll(AgencyPortal.routes(mongo, dispatch, pathway, audit, SecretResolver.fromMap(env), clock));
        Optional<AmiClient> ami = amiConfig.map(c -> AmiClient.start(c, metrics, clock));
        ami.ifPresent(started::push);
        ami.ifPresent(client -> readiness.register("ami", client::isConnected,
                "the Asterisk manager (AMI) connection is down"));
        Live live = Live.wire(ami, new TipQueries(mongo, cipher)::byReference, metrics, clock);
        features.add(live.routes(vertx, new MongoOperatorDirectory(mongo), audit));
        features.add(new StatsRoutes(new StatsService(mongo.database(), statsConfig, clock),
                new ResearchExport(mongo.database(), statsConfig, audit)));
        TipQueries tips = new TipQueries(mongo, cipher);
        HttpApi.Deps deps = new HttpApi.Deps(metrics, tips,
                () -> new Health(mongo.ping(), journal.isOpen(), journal.backlog(), ivr.port() > 0, ivr.activeCalls()),
                config.maxBodyBytes(), access, features);
        Router api = HttpApi.router(vertx, deps);
        HttpServer http = await(vertx.createHttpServer().requestHandler(api).listen(config.httpPort(), config.httpHost()));
        if (config.demo()) {
            await(new DemoAgencyReceiver().start(vertx, "127.0.0.1", config.demoAgencyPort()));
            LOG.info("Demo agency receiver on http://127.0.0.1:{}/agencies/<agency>", config.demoAgencyPort());
        }

        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("tip-sweeper").daemon(true).factory());
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                router.sweep(SWEEP_AFTER);
            } catch (RuntimeException e) {
                LOG.debug("Sweep skipped: {}", e.getMessage());
            }
        }, 1, 2, TimeUnit.SECONDS);

        PrivacyJobs privacyJobs = PrivacyJobs.start(
                new RetentionPurge(mongo.database(), privacySettings.retention(), cipher, audit, clock),
                privacySettings.retention().interval(), new KeyRotation(mongo.database(), cipher),
                privacySettings.rotationInterval());
        started.push(privacyJobs);
        PrivacyParts privacy = new PrivacyParts(audit, cipher,
                new TipPrivacy(mongo.database(), cipher, audit, clock), privacyJobs);

        LOG.info("Hotline node {} ready: FastAGI on {}:{}, HTTP on http://{}:{}, pathway {} v{}", config.nodeId(),
                ivrConfig.bindAddress(), ivr.port(), config.httpHost(), http.actualPort(), pathway.get().id(),
                pathway.get().version());
        return new Hotline(config, vertx, mongo, journal, writer, dispatch, ivr, http, sweeper, metrics, readiness,
                opsSampler, opsConfig.drainTimeout(), privacy, HttpApi.routes(api), pathwaySync, ami);
    }

    /** The audit log every feature records to: hash-chained in MongoDB, sealed with a key derived from {@code key}. */
    static MongoAuditLog auditLog(MongoStore mongo, ServerKey key, Clock clock) {
        return new MongoAuditLog(mongo.database(), auditChain(key), clock);
    }

    static AuditChain auditChain(ServerKey key) {
        return new AuditChain(key.derive("audit-seal"));
    }

    /** The node's privacy services, for the features that need them. */
    private record PrivacyParts(AuditLog audit, TipCipher cipher, TipPrivacy tips, PrivacyJobs jobs) {}

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("Cleaning up after a failed start-up: {}", e.getMessage());
        }
    }

    /** The HTTP API's routes as {@code METHOD /path} (path parameters as {@code :name}), in mount order. */
    public List<String> routes() {
        return routes;
    }

    public int httpPort() {
        return http.actualPort();
    }

    public int agiPort() {
        return ivr.port();
    }

    public MongoStore mongo() {
        return mongo;
    }

    public HotlineMetrics metrics() {
        return metrics;
    }

    public Path dataDir() {
        return config.dataDir();
    }

    /** The hash-chained audit log; features record every access and change of tip data here. */
    public AuditLog audit() {
        return privacy.audit();
    }

    /** Legal holds, the child-callback override and the audited read of a callback number. */
    public TipPrivacy tipPrivacy() {
        return privacy.tips();
    }

    /** Encryption of a tip document's personal values (for features that read tips from MongoDB themselves). */
    public TipCipher tipCipher() {
        return privacy.cipher();
    }

    /** What {@code /ready} reports; other parts (e.g. the AMI connection) register their checks here. */
    public Readiness readiness() {
        return readiness;
    }

    /**
     * Drains, then stops: {@code /ready} turns 503 and the FastAGI port closes (Asterisk fails over to another
     * node), calls in progress get up to the drain timeout to finish, then the rest stops in reverse order.
     * Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        readiness.startDraining();
        LOG.info("Hotline node {} draining: {} calls in progress, up to {}", config.nodeId(), ivr.activeCalls(),
                drainTimeout);
        ivr.stop(drainTimeout);
        opsSampler.close();
        await(http.close());
        ami.ifPresent(AmiClient::close);
        sweeper.shutdownNow();
        pathwaySync.close();
        privacy.jobs().close();
        dispatch.stop();
        writer.close();
        journal.close();
        await(vertx.close());
        mongo.close();
        LOG.info("Hotline node {} stopped", config.nodeId());
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("start-up step failed: " + e.getMessage(), e);
        }
    }

    /** Indexes both MongoDB and the embedded server honour. */
    static final class Storage {
        private Storage() {}

        static void ensureIndexes(MongoStore mongo) {
            try {
                mongo.database().getCollection("tips").createIndex(new Document("reference", 1),
                        new com.mongodb.client.model.IndexOptions().unique(true));
            } catch (RuntimeException e) {
                LOG.warn("Could not create indexes now (MongoDB unreachable?); they are created on the next start", e);
            }
        }
    }
}
