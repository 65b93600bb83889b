package org.hotline.core.pathway;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.types.ObjectId;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.pathway.PathwayVersion.Transition;
import org.hotline.core.pathway.internal.MongoPathwayVersions;
import org.hotline.pathway.LoadResult;
import org.hotline.pathway.Pathway;
import org.hotline.pathway.PathwayLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.hotline.core.storage.MongoOutage;

/**
 * Keeps this node's {@link ActivePathway} on the version the persisted schedule says is active now, polling
 * at a fixed interval, so an activation reaches every node without a restart. Each poll also brings the
 * stored states in line with the schedule (retire the old version, then mark the new one ACTIVE) with
 * conditional single-document updates: a node that crashes half-way leaves at most a stale state field,
 * which the next poll of any node repairs, while routing always follows the schedule itself.
 */
public final class PathwaySync implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PathwaySync.class);
    static final String SYSTEM = "system";

    private final PathwayLifecycle lifecycle;
    private final MongoPathwayVersions store;
    private final ActivePathway active;
    private final Map<String, String> env;
    private ScheduledExecutorService poller;
    private volatile boolean indexed;

    public PathwaySync(PathwayLifecycle lifecycle, ActivePathway active, Map<String, String> env) {
        this.lifecycle = lifecycle;
        this.store = lifecycle.store();
        this.active = active;
        this.env = Map.copyOf(env);
    }

    /** Seeds an empty store with the start-up file, then applies the schedule; true when the version changed. */
    public boolean syncOnce() {
        if (!indexed) {
            lifecycle.ensureIndexes();
            indexed = true;
        }
        seedIfEmpty();
        Optional<Activation> due = store.activationAt(lifecycle.clock().instant());
        if (due.isEmpty()) {
            return false;
        }
        Activation activation = due.get();
        reconcileStates(activation);
        if (active.current().versionId().filter(activation.versionId()::equals).isPresent()) {
            return false;
        }
        Optional<PathwayVersion> version = store.find(activation.versionId());
        if (version.isEmpty()) {
            LOG.error("The schedule names pathway version {} ({}), which is not stored", activation.versionId(), activation.label());
            return false;
        }
        LoadResult result = PathwayLoader.load(version.get().yaml(), version.get().label(), env, lifecycle.loadOptions());
        if (result instanceof LoadResult.Valid valid) {
            Pathway previous = active.get();
            active.activate(valid.pathway(), activation.versionId());
            if (!previous.id().equals(valid.pathway().id()) || !previous.version().equals(valid.pathway().version())) {
                LOG.info("Pathway {} v{} now routes new tips (was {} v{})", valid.pathway().id(),
                        valid.pathway().version(), previous.id(), previous.version());
            }
            return true;
        }
        LOG.error("Pathway version {} does not load on this node; keeping {} v{}: {}", version.get().label(),
                active.get().id(), active.get().version(), ((LoadResult.Invalid) result).problems());
        return false;
    }

    /**
     * Runs {@link #syncOnce} now, on the caller's thread (so a node starts routing by the stored active version),
     * then every {@code interval} on a poller thread; failures (e.g. MongoDB down) wait for the next poll.
     */
    public synchronized PathwaySync start(Duration interval) {
        if (poller != null) {
            throw new IllegalStateException("already started");
        }
        pollQuietly();
        poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("pathway-sync").daemon(true).factory());
        poller.scheduleWithFixedDelay(this::pollQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void pollQuietly() {
        try {
            syncOnce();
        } catch (RuntimeException e) {
            MongoOutage.warnUnlessOutage(LOG, e, "Pathway sync skipped, retrying at the next poll");
        }
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    private void seedIfEmpty() {
        if (active.startFile().isEmpty() || !store.activations().isEmpty()) {
            return;
        }
        PathwayFile file = active.startFile().get();
        Instant now = lifecycle.clock().instant();
        Pathway pathway = active.get();
        String label = PathwayLifecycle.label(pathway);
        EffectiveFrom.notBefore(pathway).filter(now::isBefore).ifPresent(from -> LOG.warn("Pathway {} routes tips"
                + " from now although its effective_from is {}: it is the node's first version and there is no other",
                label, from));
        if (store.isEmpty()) {
            String reason = "seeded from " + file.path().getFileName();
            // The file's warnings are kept with it, so the editor counts what `pathway validate` reports.
            List<org.hotline.pathway.Problem> warnings = lifecycle.validate(file.text(), file.path().toString())
                    instanceof org.hotline.pathway.LoadResult.Valid valid ? valid.warnings() : List.of();
            // Loses quietly to a node seeding at the same moment: the label is unique.
            store.insert(new PathwayVersion(new ObjectId().toHexString(), label, pathway.id(), pathway.version(),
                    VersionState.ACTIVE, file.text(), warnings, SYSTEM, now,
                    List.of(new Transition(null, VersionState.ACTIVE, SYSTEM, now, reason))));
        }
        Optional<PathwayVersion> seeded = store.findByLabel(label)
                .or(() -> store.inState(VersionState.ACTIVE).stream().findFirst());
        if (seeded.isEmpty()) {
            LOG.warn("Pathway versions are stored but none is scheduled or active; not seeding {}", label);
            return;
        }
        store.insertActivation(new Activation(new ObjectId().toHexString(), seeded.get().id(), seeded.get().label(), now,
                SYSTEM, now, "initial version from " + file.path().getFileName(), Activation.Kind.SEED));
        lifecycle.audit().record(new AuditEvent(SYSTEM, "pathway.seed", seeded.get().label(),
                Map.of("versionId", seeded.get().id(), "file", file.path().getFileName().toString())));
    }

    private void reconcileStates(Activation due) {
        for (PathwayVersion stale : store.inState(VersionState.ACTIVE)) {
            if (!stale.id().equals(due.versionId()) && store.transition(stale.id(), List.of(VersionState.ACTIVE),
                    new Transition(VersionState.ACTIVE, VersionState.RETIRED, due.requestedBy(), due.effectiveAt(),
                            "replaced by " + due.label()), Optional.empty())) {
                lifecycle.audit().record(new AuditEvent(SYSTEM, "pathway.retire", stale.label(),
                        Map.of("versionId", stale.id(), "replacedBy", due.label())));
            }
        }
        for (VersionState from : List.of(VersionState.APPROVED, VersionState.RETIRED)) {
            if (store.transition(due.versionId(), List.of(from), new Transition(from, VersionState.ACTIVE,
                    due.requestedBy(), due.effectiveAt(), due.reason()), Optional.empty())) {
                lifecycle.audit().record(new AuditEvent(SYSTEM, "pathway.active", due.label(), Map.of("versionId",
                        due.versionId(), "activatedBy", due.requestedBy(), "effectiveAt", due.effectiveAt().toString())));
            }
        }
    }
}
