package org.hotline.core.referral;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.bson.Document;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.storage.MongoStore;
import org.hotline.core.testsupport.RecordingAgency;
import org.hotline.core.testsupport.SteppingClock;
import org.hotline.core.tip.CaseFile;
import org.hotline.pathway.Pathway;
import org.hotline.pathway.Routing;
import org.hotline.pathway.TipFields;

/**
 * Everything a dispatch integration test needs, real and on loopback: the embedded MongoDB-compatible server
 * reached through the driver, Vert.x for agency servers, a stepping clock, and dispatch nodes; closes it all.
 */
final class DispatchTestBed implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final String SECRET_REF = "AGENCY_SECRET";
    static final String SECRET = "correct horse battery staple";
    /** Forced labour with someone in danger now: police (IMMEDIATE) and labour inspectorate (NORMAL). */
    static final Map<String, Object> TIP_FIELDS = Map.of(
            "exploitationType", "forced_labour",
            "region", "NO",
            "childInvolved", false,
            "immediateDanger", true,
            "callerPhone", "+231770000000",
            "narrative", "workers locked in at the fishing camp",
            "consents", Map.of("share_identity_police", false));
    /** Someone in danger now, nothing else known: police only. */
    static final Map<String, Object> DANGER_ONLY = Map.of(
            "exploitationType", "other",
            "region", "SO",
            "immediateDanger", true,
            "narrative", "a woman is held in a house by the market");

    final Vertx vertx = Vertx.vertx();
    final MongoStore mongo;
    final SteppingClock clock = new SteppingClock(T0);
    final HotlineMetrics metrics = new HotlineMetrics(false);
    /** What the bed's handovers audited. */
    final List<AuditEvent> audited = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The directory nodes' handovers go by; until a test sets it, none of the test pathway's agencies. */
    volatile Pathway directory = TestPathways.elsewhere();
    private final List<AutoCloseable> resources = new ArrayList<>();

    private final String database;

    /**
     * Uses the embedded server under {@code dataDir}, or the real MongoDB named by {@code MONGODB_URI} when it is
     * set (a database of its own per test, dropped afterwards), so the same tests run against both.
     */
    DispatchTestBed(Path dataDir) {
        String uri = System.getenv("MONGODB_URI");
        this.database = uri == null ? "hotline" : "dispatch_test_" + UUID.randomUUID().toString().replace("-", "");
        this.mongo = uri == null
                ? MongoStore.embedded(dataDir, 0, database, Duration.ofSeconds(5))
                : MongoStore.external(uri, database, Duration.ofSeconds(5));
    }

    /**
     * Test defaults: timeouts short enough for tests, long enough that a busy build machine does not turn a slow
     * answer into a failure; tests about timeouts set their own.
     */
    static DispatchConfig.Builder config(String nodeId) {
        return DispatchConfig.builder(nodeId)
                .connectTimeout(Duration.ofSeconds(2))
                .responseTimeout(Duration.ofSeconds(5))
                .leaseDuration(Duration.ofSeconds(30));
    }

    /** The test pathway with police and labour webhooks pointing at these agencies (null: nowhere). */
    static Pathway pathway(RecordingAgency police, RecordingAgency labour) {
        Map<String, String> env = new HashMap<>();
        if (police != null) {
            env.put("POLICE_URL", police.url("/referrals"));
        }
        if (labour != null) {
            env.put("LABOUR_URL", labour.url("/referrals"));
        }
        return TestPathways.load(env);
    }

    /** Routes a tip by {@code pathway} and creates its referrals on {@code node}. */
    static List<String> refer(Dispatch node, String tipId, String reference, Map<String, Object> fields,
            Pathway pathway) {
        Routing routing = pathway.route(TipFields.facts(fields));
        return node.referrals().createReferrals(tipId, reference, fields, routing, pathway);
    }

    Dispatch node(DispatchConfig config) {
        return node(config, SecretResolver.fromMap(Map.of(SECRET_REF, SECRET)), mongo);
    }

    Dispatch node(DispatchConfig config, SecretResolver secrets, MongoStore store) {
        Dispatch dispatch = Dispatch.create(new Dispatch.Needs(store, config, secrets, metrics, clock,
                org.hotline.core.crypto.PayloadSeal.NONE, audited::add,
                id -> Optional.ofNullable(tip(id)).map(DispatchTestBed::caseFile), () -> directory));
        resources.add(dispatch);
        return dispatch;
    }

    /**
     * A driver connection to the same server through a proxy listening on 127.0.0.1:{@code port} (e.g. one that
     * loses answers), without retryable writes, so that a lost answer reaches the caller as it does on a standalone
     * server.
     */
    MongoStore connectionThrough(int port) {
        MongoStore other = MongoStore.external("mongodb://127.0.0.1:" + port + "/?retryWrites=false&directConnection=true",
                database, Duration.ofSeconds(5));
        resources.add(other);
        return other;
    }

    /** Where the server behind {@link #mongo} listens (host, then port). */
    com.mongodb.ServerAddress serverAddress() {
        return new com.mongodb.ServerAddress(new com.mongodb.ConnectionString(mongo.connectionString()).getHosts().get(0));
    }

    /** A second driver connection to the same server, as a second node would have. */
    MongoStore secondConnection() {
        MongoStore other = MongoStore.external(mongo.connectionString(), database, Duration.ofSeconds(5));
        resources.add(other);
        return other;
    }

    RecordingAgency agency() {
        RecordingAgency agency = RecordingAgency.start(vertx);
        resources.add(agency);
        return agency;
    }

    void insertTip(String tipId, String reference) {
        insertTip(tipId, reference, TIP_FIELDS);
    }

    /** Stores a routed tip with {@code fields} (consents under {@code consents}) the way intake does, unencrypted. */
    void insertTip(String tipId, String reference, Map<String, Object> fields) {
        Map<String, Object> plain = new HashMap<>(fields);
        Object consents = plain.remove("consents");
        mongo.database().getCollection("tips").insertOne(new Document("_id", tipId)
                .append("reference", reference)
                .append("createdAt", Date.from(clock.instant()))
                .append("fields", new Document(plain))
                .append("consents", consents == null ? new Document() : new Document((Map<String, Object>) consents))
                .append("routed", true));
    }

    /**
     * Hands cases over (reassign, escalation) from the bed's stored (unencrypted) tips by {@code pathway} from now
     * on, audited into {@link #audited}.
     */
    Handovers handovers(Dispatch node, Pathway pathway) {
        directory = pathway;
        return node.handovers();
    }

    /** The case file of a tip the bed stored (in clear, as {@link #insertTip} writes it). */
    private static CaseFile caseFile(Document tip) {
        Map<String, Object> fields = new HashMap<>(tip.get("fields", Document.class));
        fields.put("reference", tip.getString("reference"));
        fields.put(TipFields.CONSENTS, tip.get("consents", Document.class));
        return new CaseFile(tip.getString("_id"), tip.getString("reference"), "ivr", "COMPLETED", fields);
    }

    Document tip(String tipId) {
        return mongo.database().getCollection("tips").find(new Document("_id", tipId)).first();
    }

    /** Where the tip's referral to {@code agencyId} stands, as the tip's status look-up shows it. */
    org.hotline.core.tip.TipQueries.ReferralState stateOn(String tipId, String agencyId) {
        return new ReferralQueries(mongo.database()).statesOf(tipId).get(agencyId);
    }

    /** Runs dispatch steps, moving the clock to the next due attempt in between, until {@code done} holds. */
    void runUntil(Dispatch node, BooleanSupplier done, int maxSteps) {
        for (int i = 0; i < maxSteps && !done.getAsBoolean(); i++) {
            node.worker().dispatchOnce();
            nextDue().ifPresent(clock::advanceTo);
        }
    }

    /** Earliest {@code nextAttemptAt} among referrals waiting to be retried. */
    Optional<Instant> nextDue() {
        Document first = mongo.database().getCollection("referrals")
                .find(new Document("state", ReferralState.FAILED.name()))
                .sort(new Document("nextAttemptAt", 1)).first();
        return Optional.ofNullable(first).map(d -> d.getDate("nextAttemptAt").toInstant());
    }

    @Override
    public void close() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
        if (!mongo.isEmbedded()) {
            mongo.database().drop();
        }
        mongo.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
