package org.hotline.core.node;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.asteriskjava.fastagi.AgiScript;
import org.hotline.core.ami.AmiClient;
import org.hotline.core.ami.AmiConfig;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.auth.Access;
import org.hotline.core.auth.PasswordHasher;
import org.hotline.core.auth.Sessions;
import org.hotline.core.auth.SecondFactor;
import org.hotline.core.auth.UserAccounts;
import org.hotline.core.auth.internal.SessionAccess;
import org.hotline.core.crypto.TipCipher;
import org.hotline.core.demo.DemoAgencyReceiver;
import org.hotline.core.http.ApiRoutes;
import org.hotline.core.followup.FollowUpLocks;
import org.hotline.core.followup.MongoFollowUpDesk;
import org.hotline.core.http.Health;
import org.hotline.core.http.HttpApi;
import org.hotline.core.intake.JournaledQueue;
import org.hotline.core.intake.TipIntakeService;
import org.hotline.core.intake.internal.CounterFile;
import org.hotline.core.intake.ReferenceCodec;
import org.hotline.core.intake.internal.TipJournal;
import org.hotline.core.intake.internal.TipWriter;
import org.hotline.core.tip.SealedTip;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.ops.BackgroundPriority;
import org.hotline.core.ops.OpsConfig;
import org.hotline.core.ops.OpsSampler;
import org.hotline.core.ops.Readiness;
import org.hotline.core.pathway.ActivePathway;
import org.hotline.core.pathway.PathwayLifecycle;
import org.hotline.core.pathway.PathwayLifecycleConfig;
import org.hotline.core.pathway.PathwaySync;
import org.hotline.core.privacy.AttemptLimiter;
import org.hotline.core.privacy.PrivacyJobs;
import org.hotline.core.privacy.TipPrivacy;
import org.hotline.core.referral.Dispatch;
import org.hotline.core.referral.Handovers;
import org.hotline.core.referral.DispatchConfig;
import org.hotline.core.routing.TipRouter;
import org.hotline.core.security.ServerKey;
import org.hotline.core.storage.MongoOutage;
import org.hotline.core.storage.MongoStore;
import org.hotline.core.text.TextChannels;
import org.hotline.core.audit.internal.MongoAuditLog;
import org.hotline.core.stats.CallLog;
import org.hotline.core.stats.StatsConfig;
import org.hotline.core.stats.SurveyLog;
import org.hotline.core.tip.TipQueries;
import org.hotline.core.tip.internal.MongoTipRepository;
import org.hotline.ivr.flow.FlowOptions;
import org.hotline.ivr.flow.FlowRegistry;
import org.hotline.ivr.flow.HotlineFlows;
import org.hotline.ivr.server.IvrServer;
import org.hotline.ivr.server.IvrServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a {@link Hotline} node in dependency order: storage and audit, the pathway, dispatch and intake, the
 * FastAGI server, the HTTP features, then background jobs, each only where the node's roles ({@link NodeRoles},
 * {@code HOTLINE_ROLES}) ask for it. Whatever started before a failure is closed again, so a node that fails to
 * start leaves no port bound and no thread running.
 */
final class NodeAssembly {

    private static final Logger LOG = LoggerFactory.getLogger(NodeAssembly.class);

    private final HotlineConfig config;
    private final Map<String, String> env;
    private final Clock clock;
    private final HotlineMetrics metrics = new HotlineMetrics(true);
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Deque<AutoCloseable> background = new ArrayDeque<>();

    // Checked before anything starts, so a bad setting stops start-up before a port is bound or a file written.
    private final ActivePathway pathway;
    private final FlowRegistry flows;
    private final FlowOptions flowOptions;
    private final DispatchConfig dispatchConfig;
    private final IvrServerConfig ivrConfig;
    private final ServerKey key;
    private final OpsConfig opsConfig;
    private final PrivacySettings privacySettings;
    private final TipCipher cipher;
    private final Optional<AmiConfig> amiConfig;
    private final StatsConfig statsConfig;
    private final PathwayLifecycleConfig pathwayConfig;
    private final Optional<DutyOfficerWiring.Duty> dutyOfficer;
    private final NodeRoles roles;
    /** {@link #flowOptions} with the survey, once made ({@link #surveyed}). */
    private FlowOptions surveyed;

    NodeAssembly(HotlineConfig config, Map<String, String> env, Clock clock) {
        this.config = config;
        this.env = env;
        this.clock = clock;
        this.roles = NodeRoles.fromEnv(env);
        this.pathway = ActivePathway.fromFile(config.pathwayFile(), env);
        this.flows = FlowRegistry.load(config.flowsDir());
        this.flowOptions = IvrWiring.flowOptions(pathway.get(), flows, metrics);
        this.dispatchConfig = DispatchSettings.fromEnv(env, config.nodeId());
        this.ivrConfig = IvrServerConfig.fromEnvironment(env).withPort(config.agiPort()).withCapacity(config.agiCapacity());
        this.key = ServerKey.load(config.serverKey(), config.dataDir());
        this.opsConfig = OpsSettings.fromEnv(env);
        this.privacySettings = PrivacySettings.fromEnv(env);
        this.cipher = TipCipher.open(env, config.dataDir());
        this.amiConfig = AmiSettings.fromEnv(env);
        this.statsConfig = StatsConfig.fromEnv(env);
        this.pathwayConfig = PathwayLifecycleConfig.fromEnv(env);
        this.dutyOfficer = DutyOfficerWiring.fromEnv(env, amiConfig.isPresent());
    }

    Hotline start() {
        try {
            background(BackgroundPriority.start(opsConfig.backgroundNice(), Duration.ofSeconds(1)));
            Storage storage = startStorage();
            Optional<AmiClient> ami = amiConfig.map(c -> push(AmiClient.start(c, metrics, clock)));
            Intake intake = startIntake(storage, ami);
            Telephony telephony = startTelephony(storage, intake);
            // Ready means ready for what this node runs: a node without the ivr role has no FastAGI port to miss.
            Readiness readiness = new Readiness(metrics)
                    .register("mongodb", storage.mongo()::ping, "MongoDB is unreachable")
                    .register("journal", intake.journal()::isOpen, "the tip journal is closed");
            telephony.ivr().ifPresent(ivr -> readiness.register("fastagi", () -> ivr.port() > 0,
                    "the FastAGI server is not listening"));
            OpsSampler opsSampler = push(new OpsSampler(readiness, storage.mongo(), metrics, clock)
                    .start(opsConfig.sampleInterval()));
            ami.ifPresent(client -> readiness.register("ami", client::isConnected,
                    "the Asterisk manager (AMI) connection is down"));
            Web web = startWeb(storage, intake, telephony, readiness, ami);
            // Back-office work: routing, and the privacy jobs (retention, key rotation, expired sign-in sessions).
            Optional<ScheduledExecutorService> sweeper = BackOfficeRouting.forRoles(roles, intake.router(), storage.tips(),
                    config.nodeId(), dispatchConfig.pollInterval(), clock);
            sweeper.ifPresent(s -> push(s::shutdownNow));
            Optional<PrivacyJobs> privacyJobs = Optional.of(roles).filter(r -> r.has(NodeRoles.Role.DISPATCH))
                    .map(r -> push(Startups.privacyJobs(storage.tips(), storage.mongo(), storage.audit(), cipher,
                            privacySettings, web.sessions()::purgeExpired, clock)));
            Hotline.Parts parts = new Hotline.Parts(config, web.vertx(), storage.mongo(), intake.journal(),
                    intake.writer(), intake.dispatch(), telephony.ivr(), web.http(), sweeper, metrics, readiness,
                    opsSampler, opsConfig.drainTimeout(), storage.audit(), cipher,
                    storage.tipPrivacy(), privacyJobs,
                    web.routes(), storage.pathwaySync(), web.ami(), () -> background.forEach(Startups::closeQuietly));
            LOG.info("Hotline node {} ready: {}, HTTP on http://{}:{}, pathway {} v{}, data in {}, {}, roles {}",
                    config.nodeId(), telephony.ivr().map(ivr -> "FastAGI on " + ivrConfig.bindAddress() + ":" + ivr.port())
                            .orElse("FastAGI off"), config.httpHost(),
                    web.http().actualPort(), pathway.get().id(), pathway.get().version(), config.dataDir(),
                    config.demo() ? "demo mode (demo agencies on http://" + DemoAgencyReceiver.HOST + ":"
                            + config.demoAgencyPort() + "/agencies/<agency>, loopback only: its /received pages show "
                            + "whole referral payloads)" : "demo mode off", roles);
            return new Hotline(parts);
        } catch (RuntimeException e) {
            started.forEach(Startups::closeQuietly);
            throw e;
        }
    }

    private record Storage(MongoStore mongo, MongoTipRepository tips, AuditLog audit, PathwayLifecycle pathways,
            PathwaySync pathwaySync, TipPrivacy tipPrivacy, MongoOutage outage) {}

    private record Intake(Dispatch dispatch, TipRouter router, Handovers handovers, TipJournal journal,
            TipWriter<SealedTip> writer, TipIntakeService service) {}

    private record Telephony(Optional<IvrServer> ivr, MongoFollowUpDesk desk, FollowUpLocks locks) {}

    private record Web(Vertx vertx, HttpServer http, List<String> routes, Optional<AmiClient> ami, Sessions sessions) {}

    private Storage startStorage() {
        MongoStore mongo = push(config.mongoUri()
                .map(uri -> MongoStore.external(uri, config.mongoDatabase(), config.mongoTimeout()))
                .orElseGet(() -> Startups.embeddedMongo(config)));
        Startups.exportRoundTrips(mongo, metrics);
        MongoTipRepository tips = new MongoTipRepository(mongo, cipher);
        Startups.tryIndexes(tips::ensureIndexes);
        MongoAuditLog audit = Hotline.auditLog(mongo, key, clock, metrics::auditFailure);
        MongoOutage outage = background(new MongoOutage(mongo::ping, clock).backlog("audit events", audit::waiting)
                .onBack(audit::writeWaiting).start());
        // Route by the stored active version before taking calls; every node then follows the schedule.
        PathwayLifecycle pathways = new PathwayLifecycle(mongo, audit, env, clock, pathwayConfig.maxYamlBytes());
        PathwaySync pathwaySync = push(new PathwaySync(pathways, pathway, env).start(pathwayConfig.pollInterval()));
        return new Storage(mongo, tips, audit, pathways, pathwaySync, new TipPrivacy(tips, audit, clock), outage);
    }

    private Intake startIntake(Storage storage, Optional<AmiClient> ami) {
        MongoStore mongo = storage.mongo();
        Dispatch.Needs needs = new Dispatch.Needs(mongo, dispatchConfig, Secrets.resolver(env, config.demo()), metrics,
                clock, cipher, storage.audit(), new TipQueries(storage.tips())::caseFile, pathway::get);
        // Without the dispatch role the outbox is still written here (an operator's emergency, a supervisor's
        // reassign), but nothing is claimed nor swept: a dispatch node's outbox poll sends what this node stores.
        Dispatch dispatch = push(roles.has(NodeRoles.Role.DISPATCH) ? Dispatch.start(needs) : Dispatch.create(needs));
        Handovers handovers = dispatch.handovers();
        if (dutyOfficer.isPresent() && ami.isPresent()) {
            background(DutyOfficerWiring.ringOnImmediate(dispatch.referrals().outbox(), ami.get(), dutyOfficer.get(), mongo,
                    storage.audit(), clock, config.nodeId()));
        }
        TipRouter router = IvrWiring.router(storage.tips(), pathway, dispatch, flows, env, clock);
        TipJournal journal = push(TipJournal.open(config.dataDir().resolve("journal")));
        TipWriter<SealedTip> writer = push(TipWriting.start(mongo, storage.tips(), journal, router, roles, metrics));
        storage.outage().backlog("tips", journal::backlog);
        TipIntakeService service = new TipIntakeService(journal, writer,
                new ReferenceCodec(key.derive("reference"), config.nodeIndex()),
                CounterFile.open(config.dataDir().resolve("reference-counter")), key, metrics, clock, config.nodeId(),
                storage.tips());
        return new Intake(dispatch, router, handovers, journal, writer, service);
    }

    private Telephony startTelephony(Storage storage, Intake intake) {
        MongoStore mongo = storage.mongo();
        FollowUpLocks locks = new FollowUpLocks(mongo, reference -> key.keyedHash("followup-reference", reference), clock);
        MongoFollowUpDesk desk = new MongoFollowUpDesk(storage.tips(), intake.dispatch().referrals()::acknowledged,
                intake.service()::pinHash, number -> key.keyedHash("caller-hash", number),
                new AttemptLimiter(mongo.database(), clock), locks, storage.audit(), clock);
        if (!roles.has(NodeRoles.Role.IVR)) {
            return new Telephony(Optional.empty(), desk, locks);
        }
        JournaledQueue callJournal = background(JournaledQueue.open("call_record",
                config.dataDir().resolve("call-journal"), mongo, CallLog.insertAllAbsent(mongo), metrics));
        storage.outage().backlog("call records", callJournal::backlog);
        CallLog callLog = background(new CallLog(mongo, clock, Optional.of(callJournal), storage.outage()::isDown));
        AgiScript script = HotlineFlows.script(flows, intake.service(), desk,
                IvrWiring.withCallLog(surveyed(storage), callLog), clock);
        Map<String, AgiScript> scripts = new HashMap<>();
        flows.current().flows().keySet().forEach(id -> scripts.put(id, script));
        IvrServer ivr = push(IvrWiring.listen(new IvrServer(ivrConfig, scripts, IvrWiring.callObserver(metrics, callLog)),
                ivrConfig));
        background(new FlowReloader(config.flowsDir(), flows, storage.audit()).start(config.flowsPoll()));
        return new Telephony(Optional.of(ivr), desk, locks);
    }

    private Web startWeb(Storage storage, Intake intake, Telephony telephony, Readiness readiness,
            Optional<AmiClient> ami) {
        MongoStore mongo = storage.mongo();
        AuditLog audit = storage.audit();
        Vertx vertx = Vertx.vertx();
        push(() -> Startups.await(vertx.close()));
        UserAccounts accounts = new UserAccounts(mongo, new PasswordHasher(config.passwordIterations()), audit, clock,
                new SecondFactor(mongo, key, SecondFactorSettings.fromEnv(env).requiredRoles(), clock));
        accounts.ensureIndexes();
        Sessions sessions = new Sessions(mongo, accounts, clock);
        Access access = new SessionAccess(vertx, sessions, audit);
        // Every node answers /health, /ready and /metrics; without the web role the staff API is not mounted (404).
        List<ApiRoutes> features = new ArrayList<>(NodeFeatures.opsRoutes(config, metrics, readiness));
        boolean web = roles.has(NodeRoles.Role.WEB);
        if (web) {
            features.addAll(new NodeFeatures(config, env, clock, metrics, mongo, audit, storage.tips(), pathway,
                    storage.pathways(), storage.tipPrivacy(), intake.dispatch(), intake.router(), intake.handovers(),
                    intake.service(), statsConfig, () -> flows.current().languages(), Optional.of(formJournal(storage)),
                    cipher).routes(vertx, accounts, sessions, ami, telephony.locks()));
        }
        if (web || roles.has(NodeRoles.Role.IVR)) {
            // Texters are callers (their webhooks go with ivr); the operators' text desk is staff API (web).
            TextChannels text = push(TextWiring.start(vertx, env, new TextWiring.Node(mongo, cipher, flows,
                    surveyed(storage),
                    intake.service(), telephony.desk(), key, intake.dispatch(), audit, config.dataDir(), metrics), clock));
            storage.outage().backlog("text messages", text::keptBacklog);
            if (roles.has(NodeRoles.Role.IVR)) {
                features.addAll(text.callerRoutes());
            }
            if (web) {
                features.add(text.deskRoutes());
            }
        }
        Optional<IvrServer> ivr = telephony.ivr();
        HttpApi.Deps deps = new HttpApi.Deps(web ? new TipQueries(storage.tips(), audit,
                new org.hotline.core.referral.ReferralQueries(mongo.database())::statesOf) : null,
                () -> new Health(mongo.ping(), intake.journal().isOpen(), intake.journal().backlog(), ivr.isPresent(),
                        ivr.map(s -> s.port() > 0).orElse(false), ivr.map(IvrServer::activeCalls).orElse(0)),
                config.maxBodyBytes(), access, features);
        Router api = HttpApi.router(vertx, deps);
        HttpServer http = Startups.listen(vertx.createHttpServer().requestHandler(api).listen(config.httpPort(), config.httpHost()),
                "HTTP", config.httpHost(), config.httpPort(), "HOTLINE_HTTP_PORT");
        if (config.demo() && roles.has(NodeRoles.Role.DISPATCH)) { // the demo agencies receive what dispatch sends
            Startups.listen(new DemoAgencyReceiver().start(vertx, config.demoAgencyPort()), "Demo agency",
                    DemoAgencyReceiver.HOST, config.demoAgencyPort(), "HOTLINE_DEMO_AGENCY_PORT");
        }
        return new Web(vertx, http, HttpApi.routes(api), ami, sessions);
    }

    /**
     * The flow options with the post-contact survey when {@code HOTLINE_SURVEY} is on (otherwise unchanged, so no
     * caller is offered it), made once: calls and texts share the survey's one journal folder.
     */
    private FlowOptions surveyed(Storage storage) {
        if (surveyed == null) {
            MongoStore mongo = storage.mongo();
            surveyed = !statsConfig.survey() ? flowOptions : IvrWiring.withSurvey(flowOptions, statsConfig, mongo,
                    background(JournaledQueue.open("survey_answer", config.dataDir().resolve("survey-journal"), mongo,
                            SurveyLog.insertAllAbsent(mongo), metrics)), storage.outage(), clock);
        }
        return surveyed;
    }

    /** The journal of intake forms kept during an outage; the console starts its writer. */
    private JournaledQueue formJournal(Storage storage) {
        JournaledQueue forms = background(JournaledQueue.open("intake_form", config.dataDir().resolve("form-journal")));
        storage.outage().backlog("intake forms", forms::backlog);
        return forms;
    }

    /** A part {@link Hotline.Parts} does not name: the node closes these, newest first, after its intake. */
    private <T extends AutoCloseable> T background(T part) {
        background.push(part);
        return push(part);
    }

    private <T extends AutoCloseable> T push(T part) {
        started.push(part);
        return part;
    }
}
