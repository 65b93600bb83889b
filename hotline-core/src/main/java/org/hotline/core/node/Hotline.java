package org.hotline.core.node;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hotline.core.ami.AmiClient;
import org.hotline.core.audit.AuditChain;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.audit.internal.MongoAuditLog;
import org.hotline.core.crypto.TipCipher;
import org.hotline.core.intake.internal.TipJournal;
import org.hotline.core.intake.internal.TipWriter;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.ops.OpsSampler;
import org.hotline.core.ops.Readiness;
import org.hotline.core.pathway.PathwaySync;
import org.hotline.core.privacy.PrivacyJobs;
import org.hotline.core.privacy.TipPrivacy;
import org.hotline.core.referral.Dispatch;
import org.hotline.core.security.ServerKey;
import org.hotline.core.storage.MongoStore;
import org.hotline.ivr.server.IvrServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running hotline node: storage, journal and intake, routing and dispatch, the FastAGI server and the
 * HTTP API, or the part of them its roles ({@code HOTLINE_ROLES}, {@link NodeRoles}) ask for. {@link #start} builds
 * it (see {@link NodeAssembly}); {@link #close} drains and stops it in reverse order. {@link HotlineMain} runs it as a
 * process; tests start it in-process.
 */
public final class Hotline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Hotline.class);

    /** The running parts of a node, as {@link NodeAssembly} started them. */
    record Parts(HotlineConfig config, Vertx vertx, MongoStore mongo, TipJournal journal, TipWriter<org.hotline.core.tip.SealedTip> writer,
            Dispatch dispatch, Optional<IvrServer> ivr, HttpServer http, Optional<ScheduledExecutorService> sweeper,
            HotlineMetrics metrics, Readiness readiness, OpsSampler opsSampler, Duration drainTimeout, AuditLog audit,
            TipCipher cipher, TipPrivacy tipPrivacy, Optional<PrivacyJobs> privacyJobs, List<String> routes,
            PathwaySync pathwaySync,
            Optional<AmiClient> ami, AutoCloseable background) {

        Parts {
            routes = List.copyOf(routes);
        }
    }

    private final Parts parts;
    private final AtomicBoolean closed = new AtomicBoolean();

    Hotline(Parts parts) {
        this.parts = parts;
    }

    /** Starts a node; {@code env} is the variable map (pathway interpolation and agency secrets read it too). */
    public static Hotline start(HotlineConfig config, Map<String, String> env, Clock clock) {
        return new NodeAssembly(config, env, clock).start();
    }

    /**
     * The audit log every feature records to: hash-chained in MongoDB, sealed with a key derived from {@code key}.
     *
     * @throws IllegalStateException when the end of the stored chain does not check out ({@link MongoAuditLog#open})
     */
    public static MongoAuditLog auditLog(MongoStore mongo, ServerKey key, Clock clock, Runnable onFailure) {
        return MongoAuditLog.open(mongo.database(), auditChain(key), clock, onFailure);
    }

    public static AuditChain auditChain(ServerKey key) {
        return new AuditChain(key.derive("audit-seal"));
    }

    /** The HTTP API's routes as {@code METHOD /path} (path parameters as {@code :name}), in mount order. */
    public List<String> routes() {
        return parts.routes();
    }

    public int httpPort() {
        return parts.http().actualPort();
    }

    /** The FastAGI port; 0 on a node that does not run the {@code ivr} role (it listens on none). */
    public int agiPort() {
        return parts.ivr().map(IvrServer::port).orElse(0);
    }

    public MongoStore mongo() {
        return parts.mongo();
    }

    public HotlineMetrics metrics() {
        return parts.metrics();
    }

    public Path dataDir() {
        return parts.config().dataDir();
    }

    /** The hash-chained audit log; features record every access and change of tip data here. */
    public AuditLog audit() {
        return parts.audit();
    }

    /** Legal holds, the child-callback override and the audited read of a callback number. */
    public TipPrivacy tipPrivacy() {
        return parts.tipPrivacy();
    }

    /** Encryption of a tip document's personal values (for features that read tips from MongoDB themselves). */
    public TipCipher tipCipher() {
        return parts.cipher();
    }

    /** What {@code /ready} reports; other parts (e.g. the AMI connection) register their checks here. */
    public Readiness readiness() {
        return parts.readiness();
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
        Parts p = parts;
        p.readiness().startDraining();
        LOG.info("Hotline node {} draining: {} calls in progress, up to {}", p.config().nodeId(),
                p.ivr().map(IvrServer::activeCalls).orElse(0), p.drainTimeout());
        p.ivr().ifPresent(ivr -> ivr.stop(p.drainTimeout()));
        p.opsSampler().close();
        Startups.await(p.http().close());
        p.ami().ifPresent(AmiClient::close);
        p.sweeper().ifPresent(ScheduledExecutorService::shutdownNow);
        p.pathwaySync().close();
        p.privacyJobs().ifPresent(PrivacyJobs::close);
        p.dispatch().stop();
        p.writer().close();
        p.journal().close();
        try {
            p.background().close();
        } catch (Exception e) {
            LOG.warn("Stopping background parts: {}", e.toString());
        }
        Startups.await(p.vertx().close());
        p.mongo().close();
        LOG.info("Hotline node {} stopped", p.config().nodeId());
    }
}
