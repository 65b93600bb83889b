package org.hotline.core.pathway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.hotline.core.audit.AuditChain;
import org.hotline.core.audit.internal.MongoAuditLog;
import org.hotline.core.auth.Principal;
import org.hotline.core.auth.Role;
import org.hotline.core.e2e.TestFiles;
import org.hotline.core.storage.MongoStore;
import org.hotline.core.testsupport.SteppingClock;

/**
 * A pathway lifecycle on the embedded MongoDB-compatible server (reached through the driver over TCP), with
 * the real hash-chained audit log, a clock tests move by hand and the shipped national pathway examples.
 */
final class LifecycleBed implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final Path REPO = findRepo();
    static final Path NATIONAL = REPO.resolve("pathway-config/examples/national.yaml");
    static final Path NATIONAL_V2 = REPO.resolve("pathway-config/examples/national-v2.yaml");
    static final Principal ALICE = admin("u-alice", "alice");
    static final Principal BOB = admin("u-bob", "bob");
    static final Principal SUPERVISOR = new Principal("u-sam", "sam", Set.of(Role.SUPERVISOR), Optional.empty());

    final SteppingClock clock = new SteppingClock(T0);
    final MongoStore mongo;
    private final List<AutoCloseable> resources = new ArrayList<>();

    LifecycleBed(Path dataDir) {
        mongo = MongoStore.embedded(dataDir, 0, "hotline", Duration.ofSeconds(5));
    }

    static Principal admin(String id, String name) {
        return new Principal(id, name, Set.of(Role.MINISTRY_ADMIN), Optional.empty());
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A lifecycle service as one node would have it, over {@code store} with the node's {@code env}; webhooks to
     * this machine are allowed unless {@code env} says otherwise (the shipped pathway and test agencies use them).
     */
    PathwayLifecycle lifecycle(MongoStore store, Map<String, String> env) {
        Map<String, String> withLocal = new java.util.HashMap<>(TestFiles.LOCAL_AGENCIES);
        withLocal.putAll(env);
        PathwayLifecycle lifecycle = new PathwayLifecycle(store, audit(store), withLocal, clock, 256 * 1024);
        lifecycle.ensureIndexes();
        return lifecycle;
    }

    /** The real hash-chained audit log on {@code store}. */
    MongoAuditLog audit(MongoStore store) {
        byte[] sealKey = new byte[32];
        Arrays.fill(sealKey, (byte) 7);
        return new MongoAuditLog(store.database(), new AuditChain(sealKey), clock);
    }

    PathwayLifecycle lifecycle() {
        return lifecycle(mongo, Map.of());
    }

    /** A second driver connection to the same server, as a second node would have. */
    MongoStore secondConnection() {
        MongoStore other = MongoStore.external(mongo.connectionString(), "hotline", Duration.ofSeconds(5));
        resources.add(other);
        return other;
    }

    PathwaySync sync(PathwayLifecycle lifecycle, ActivePathway active) {
        PathwaySync sync = new PathwaySync(lifecycle, active, Map.of());
        resources.add(sync);
        return sync;
    }

    /** Draft, submit (alice), approve (bob): an approved version ready to activate. */
    PathwayVersion approved(PathwayLifecycle lifecycle, Path file) {
        PathwayVersion draft = lifecycle.createDraft(read(file), ALICE);
        lifecycle.submit(draft.id(), ALICE, "ministry review done");
        return lifecycle.approve(draft.id(), BOB, "checked against the referral directory");
    }

    List<String> auditActions() {
        return mongo.database().getCollection("audit_log").find().sort(new Document("_id", 1))
                .map(d -> d.getString("action") + " " + d.getString("actor") + " " + d.getString("target"))
                .into(new ArrayList<>());
    }

    long activeCount() {
        return mongo.database().getCollection("pathway_versions").countDocuments(new Document("state", "ACTIVE"));
    }

    @Override
    public void close() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
        mongo.close();
    }

    private static Path findRepo() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("pathway-config/examples/national.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
