package org.hotline.core.pathway;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.types.ObjectId;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.auth.Principal;
import org.hotline.core.auth.Role;
import org.hotline.core.pathway.PathwayLifecycleException.Kind;
import org.hotline.core.pathway.PathwayVersion.Transition;
import org.hotline.core.pathway.internal.MongoPathwayVersions;
import org.hotline.core.storage.MongoStore;
import org.hotline.pathway.LoadOptions;
import org.hotline.pathway.LoadResult;
import org.hotline.pathway.Pathway;
import org.hotline.pathway.PathwayLoader;
import org.hotline.pathway.Problem;

/**
 * The pathway lifecycle: drafts (replaceable until submitted), submission (only without lint errors),
 * approval by a ministry administrator other than the submitter, activation at an effective time, and
 * rollback to an earlier active version. Every refusal throws {@link PathwayLifecycleException} and changes
 * nothing; every change is audited. Activation only adds an entry to the persisted schedule;
 * {@link PathwaySync} on each node applies it when it falls due.
 */
public final class PathwayLifecycle {

    /** The longest reason accepted for a transition. */
    public static final int MAX_REASON_LENGTH = 500;

    private final MongoPathwayVersions store;
    private final AuditLog audit;
    private final Map<String, String> env;
    private final Clock clock;
    private final int maxYamlBytes;
    private final LoadOptions loadOptions;

    public PathwayLifecycle(MongoStore mongo, AuditLog audit, Map<String, String> env, Clock clock, int maxYamlBytes) {
        this.store = new MongoPathwayVersions(mongo.database());
        this.audit = audit;
        this.env = Map.copyOf(env);
        this.clock = clock;
        this.maxYamlBytes = maxYamlBytes;
        this.loadOptions = PathwayLifecycleConfig.loadOptions(env);
    }

    public void ensureIndexes() {
        store.ensureIndexes();
    }

    /** Parses and lints pathway text with this node's environment and webhook rule; stores nothing. */
    public LoadResult validate(String yaml, String source) {
        if (yaml.getBytes(StandardCharsets.UTF_8).length > maxYamlBytes) {
            throw new PathwayLifecycleException(Kind.INVALID, "pathway_too_large",
                    "A pathway file may be at most " + maxYamlBytes + " bytes.");
        }
        return PathwayLoader.load(yaml, source, env, loadOptions);
    }

    /** Stores a new draft; refused (nothing stored) when the text has lint errors or its version exists. */
    public PathwayVersion createDraft(String yaml, Principal by) {
        requireAdmin(by);
        LoadResult.Valid valid = requireValid(yaml, "draft.yaml");
        Pathway pathway = valid.pathway();
        Instant now = clock.instant();
        PathwayVersion draft = new PathwayVersion(new ObjectId().toHexString(), label(pathway), pathway.id(),
                pathway.version(), VersionState.DRAFT, yaml, valid.warnings(), by.userId(), now,
                List.of(new Transition(null, VersionState.DRAFT, by.userId(), now, "draft uploaded")));
        if (!store.insert(draft)) {
            throw versionExists(draft.label());
        }
        record(by.userId(), "pathway.draft.create", draft);
        return draft;
    }

    /** Replaces a draft's text; refused once the version has been submitted. */
    public PathwayVersion replaceDraft(String id, String yaml, Principal by) {
        requireAdmin(by);
        PathwayVersion current = get(id);
        if (current.state() != VersionState.DRAFT) {
            throw PathwayLifecycleException.wrongState(current, "replaced", "a DRAFT");
        }
        LoadResult.Valid valid = requireValid(yaml, "draft.yaml");
        Pathway pathway = valid.pathway();
        PathwayVersion replacement = new PathwayVersion(id, label(pathway), pathway.id(), pathway.version(),
                VersionState.DRAFT, yaml, valid.warnings(), current.createdBy(), current.createdAt(), List.of());
        Transition edit = new Transition(VersionState.DRAFT, VersionState.DRAFT, by.userId(), clock.instant(), "draft replaced");
        if (!store.replaceDraft(replacement, edit)) {
            PathwayVersion now = get(id);
            throw now.state() != VersionState.DRAFT ? PathwayLifecycleException.wrongState(now, "replaced", "a DRAFT")
                    : versionExists(replacement.label());
        }
        record(by.userId(), "pathway.draft.replace", replacement);
        return get(id);
    }

    /** DRAFT to SUBMITTED, after a fresh lint: a version with any lint error cannot be submitted. */
    public PathwayVersion submit(String id, Principal by, String reason) {
        requireAdmin(by);
        String why = requireReason(reason);
        PathwayVersion version = get(id);
        if (version.state() != VersionState.DRAFT) {
            throw PathwayLifecycleException.wrongState(version, "submitted", "a DRAFT");
        }
        LoadResult.Valid valid = requireValid(version.yaml(), version.label());
        return move(version, List.of(VersionState.DRAFT), new Transition(VersionState.DRAFT, VersionState.SUBMITTED,
                by.userId(), clock.instant(), why), Optional.of(valid.warnings()), "pathway.submit", "submitted", "a DRAFT");
    }

    /** SUBMITTED to APPROVED, only by a ministry administrator who did not submit it (two-person rule). */
    public PathwayVersion approve(String id, Principal by, String reason) {
        requireAdmin(by);
        String why = requireReason(reason);
        PathwayVersion version = get(id);
        if (version.state() != VersionState.SUBMITTED) {
            throw PathwayLifecycleException.wrongState(version, "approved", "SUBMITTED");
        }
        if (version.submittedBy().filter(by.userId()::equals).isPresent()) {
            audit.record(new AuditEvent(by.userId(), "pathway.approve.denied", version.label(),
                    Map.of("versionId", id, "rule", "two-person")));
            throw new PathwayLifecycleException(Kind.FORBIDDEN, "two_person_rule",
                    "A version must be approved by a ministry administrator other than the one who submitted it.");
        }
        return move(version, List.of(VersionState.SUBMITTED), new Transition(VersionState.SUBMITTED,
                VersionState.APPROVED, by.userId(), clock.instant(), why), Optional.empty(), "pathway.approve",
                "approved", "SUBMITTED");
    }

    /**
     * Schedules an approved (or earlier active) version to route tips from {@code effectiveAt} (default: now, or
     * the file's {@code effective_from} while that is still to come; an earlier time is refused, see
     * {@link EffectiveFrom}). The version is checked to load on this node first.
     */
    public Activation activate(String id, Principal by, String reason, Optional<Instant> effectiveAt) {
        requireAdmin(by);
        String why = requireReason(reason);
        PathwayVersion version = get(id);
        Instant now = clock.instant();
        Instant when = EffectiveFrom.when(compile(version), version.label(), effectiveAt, now);
        if (when.isBefore(now)) {
            throw new PathwayLifecycleException(Kind.INVALID, "effective_time_past",
                    "The effective time " + when + " is in the past; give a time from now on, or none for now.");
        }
        boolean inForce = store.activationAt(now).map(a -> a.versionId().equals(id)).orElse(false);
        if (version.state() != VersionState.APPROVED && version.state() != VersionState.RETIRED
                && !(version.state() == VersionState.ACTIVE && when.isAfter(now))) {
            throw PathwayLifecycleException.wrongState(version, "activated", "APPROVED (or RETIRED, to go back to it)");
        }
        if (inForce && !when.isAfter(now)) {
            throw new PathwayLifecycleException(Kind.CONFLICT, "already_active", "Version " + version.label()
                    + " is already the active version.");
        }
        return schedule(version, by, why, when, Activation.Kind.ACTIVATE, "pathway.activate.schedule");
    }

    /**
     * Activates an earlier active version now: {@code targetId}, or else the version that was active just
     * before the current one. Only a version that has been active before (RETIRED) can be rolled back to.
     */
    public Activation rollback(Optional<String> targetId, Principal by, String reason) {
        requireAdmin(by);
        String why = requireReason(reason);
        Instant now = clock.instant();
        Activation current = store.activationAt(now).orElseThrow(() -> new PathwayLifecycleException(Kind.CONFLICT,
                "nothing_active", "No version is active, so there is nothing to roll back from."));
        String target = targetId.orElseGet(() -> previous(current, now).orElseThrow(() -> new PathwayLifecycleException(
                Kind.CONFLICT, "no_earlier_version", "No earlier version has been active.")));
        PathwayVersion version = get(target);
        if (target.equals(current.versionId())) {
            throw new PathwayLifecycleException(Kind.CONFLICT, "already_active", "Version " + version.label()
                    + " is already the active version.");
        }
        if (version.state() != VersionState.RETIRED) {
            throw new PathwayLifecycleException(Kind.CONFLICT, "not_previously_active", "Version " + version.label()
                    + " is " + version.state() + "; rollback goes back to a version that was active before (RETIRED).");
        }
        return schedule(version, by, why, now, Activation.Kind.ROLLBACK, "pathway.rollback");
    }

    public PathwayVersion get(String id) {
        return store.find(id).orElseThrow(() -> PathwayLifecycleException.notFound(id));
    }

    /** Every stored version, oldest first. */
    public List<PathwayVersion> list() {
        return store.list();
    }

    /** The whole activation schedule, past and future, in the order it takes effect. */
    public List<Activation> schedule() {
        return store.activations();
    }

    /** The schedule entry in force now, if any version has ever been activated. */
    public Optional<Activation> activationNow() {
        return store.activationAt(clock.instant());
    }

    /** Compiles a stored version with this node's environment. */
    public Pathway compile(PathwayVersion version) {
        return requireValid(version.yaml(), version.label()).pathway();
    }

    MongoPathwayVersions store() {
        return store;
    }

    /** Whether webhooks to this machine are accepted here; {@link PathwaySync} loads stored versions alike. */
    LoadOptions loadOptions() {
        return loadOptions;
    }

    AuditLog audit() {
        return audit;
    }

    Clock clock() {
        return clock;
    }

    private Activation schedule(PathwayVersion version, Principal by, String why, Instant when, Activation.Kind kind,
            String action) {
        compile(version);
        Activation activation = new Activation(new ObjectId().toHexString(), version.id(), version.label(), when,
                by.userId(), clock.instant(), why, kind);
        store.insertActivation(activation);
        audit.record(new AuditEvent(by.userId(), action, version.label(), Map.of("versionId", version.id(),
                "effectiveAt", when.toString(), "reason", AuditEvent.given(why))));
        return activation;
    }

    private Optional<String> previous(Activation current, Instant now) {
        List<Activation> past = store.activations().stream().filter(a -> !a.effectiveAt().isAfter(now)).toList();
        for (int i = past.size() - 1; i >= 0; i--) {
            if (!past.get(i).versionId().equals(current.versionId())) {
                return Optional.of(past.get(i).versionId());
            }
        }
        return Optional.empty();
    }

    private PathwayVersion move(PathwayVersion version, List<VersionState> from, Transition change,
            Optional<List<Problem>> warnings, String action, String verb, String expected) {
        if (!store.transition(version.id(), from, change, warnings)) {
            throw PathwayLifecycleException.wrongState(get(version.id()), verb, expected);
        }
        audit.record(new AuditEvent(change.by(), action, version.label(), Map.of("versionId", version.id(),
                "reason", AuditEvent.given(change.reason()))));
        return get(version.id());
    }

    private LoadResult.Valid requireValid(String yaml, String source) {
        return switch (validate(yaml, source)) {
            case LoadResult.Valid valid -> valid;
            case LoadResult.Invalid invalid -> throw new PathwayLifecycleException(Kind.INVALID, "pathway_invalid",
                    "The pathway has " + invalid.problems().stream().filter(Problem::isError).count()
                            + " error(s); nothing was changed.", invalid.problems());
        };
    }

    private void record(String actor, String action, PathwayVersion version) {
        audit.record(new AuditEvent(actor, action, version.label(), Map.of("versionId", version.id())));
    }

    private static void requireAdmin(Principal by) {
        if (!by.has(Role.MINISTRY_ADMIN)) {
            throw new PathwayLifecycleException(Kind.FORBIDDEN, "not_ministry_admin",
                    "Only a ministry administrator may change pathway versions.");
        }
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new PathwayLifecycleException(Kind.INVALID, "reason_required", "Say why (a non-empty reason).");
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            throw new PathwayLifecycleException(Kind.INVALID, "reason_too_long",
                    "A reason may be at most " + MAX_REASON_LENGTH + " characters.");
        }
        return reason.strip();
    }

    static String label(Pathway pathway) {
        return pathway.id() + ":" + pathway.version();
    }

    private static PathwayLifecycleException versionExists(String label) {
        return new PathwayLifecycleException(Kind.CONFLICT, "version_exists", "A version " + label
                + " is already stored; give the new text a new version number.");
    }
}
