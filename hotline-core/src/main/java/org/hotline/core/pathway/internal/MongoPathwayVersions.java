package org.hotline.core.pathway.internal;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.hotline.core.pathway.Activation;
import org.hotline.core.pathway.PathwayVersion;
import org.hotline.core.pathway.PathwayVersion.Transition;
import org.hotline.core.pathway.VersionState;
import org.hotline.pathway.Problem;

/**
 * Pathway versions ({@code pathway_versions}) and the activation schedule ({@code pathway_activations}) in
 * MongoDB. Every change is one conditional single-document update or insert, so concurrent requests and
 * several nodes never need a multi-document transaction: the loser of a race sees {@code false}.
 */
public final class MongoPathwayVersions {

    public static final String VERSIONS = "pathway_versions";
    public static final String ACTIVATIONS = "pathway_activations";

    private final MongoCollection<Document> versions;
    private final MongoCollection<Document> activations;

    public MongoPathwayVersions(MongoDatabase database) {
        this.versions = database.getCollection(VERSIONS);
        this.activations = database.getCollection(ACTIVATIONS);
    }

    public void ensureIndexes() {
        versions.createIndex(new Document("label", 1), new IndexOptions().unique(true));
        activations.createIndex(new Document("effectiveAt", -1));
    }

    /** Stores a new version; false when its label is already taken. */
    public boolean insert(PathwayVersion version) {
        try {
            versions.insertOne(new Document("_id", new ObjectId(version.id()))
                    .append("label", version.label())
                    .append("pathwayId", version.pathwayId())
                    .append("version", version.version())
                    .append("state", version.state().name())
                    .append("yaml", version.yaml())
                    .append("warnings", problems(version.warnings()))
                    .append("createdBy", version.createdBy())
                    .append("createdAt", Date.from(version.createdAt()))
                    .append("transitions", version.transitions().stream().map(MongoPathwayVersions::transition).toList()));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public Optional<PathwayVersion> find(String id) {
        if (!ObjectId.isValid(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(versions.find(Filters.eq("_id", new ObjectId(id))).first())
                .map(MongoPathwayVersions::version);
    }

    public Optional<PathwayVersion> findByLabel(String label) {
        return Optional.ofNullable(versions.find(Filters.eq("label", label)).first()).map(MongoPathwayVersions::version);
    }

    /** Every version, oldest first. */
    public List<PathwayVersion> list() {
        return versions.find().sort(Sorts.ascending("createdAt", "_id")).map(MongoPathwayVersions::version)
                .into(new ArrayList<>());
    }

    public List<PathwayVersion> inState(VersionState state) {
        return versions.find(Filters.eq("state", state.name())).map(MongoPathwayVersions::version).into(new ArrayList<>());
    }

    public boolean isEmpty() {
        return versions.countDocuments() == 0;
    }

    /**
     * Replaces the text of a draft; false when the version is no longer a draft or the new label is taken.
     */
    public boolean replaceDraft(PathwayVersion replacement, Transition edit) {
        try {
            return versions.updateOne(Filters.and(idIs(replacement.id()), Filters.eq("state", VersionState.DRAFT.name())),
                    Updates.combine(
                            Updates.set("label", replacement.label()),
                            Updates.set("pathwayId", replacement.pathwayId()),
                            Updates.set("version", replacement.version()),
                            Updates.set("yaml", replacement.yaml()),
                            Updates.set("warnings", problems(replacement.warnings())),
                            Updates.push("transitions", transition(edit)))).getModifiedCount() == 1;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Moves a version from one of {@code from} to {@code change.to()}, recording the transition (and, when
     * given, the warnings of a fresh lint); false when the version was not in one of those states.
     */
    public boolean transition(String id, List<VersionState> from, Transition change, Optional<List<Problem>> warnings) {
        List<Bson> updates = new ArrayList<>(List.of(Updates.set("state", change.to().name()),
                Updates.push("transitions", transition(change))));
        warnings.ifPresent(w -> updates.add(Updates.set("warnings", problems(w))));
        return versions.updateOne(Filters.and(idIs(id), Filters.in("state", from.stream().map(Enum::name).toList())),
                Updates.combine(updates)).getModifiedCount() == 1;
    }

    public void insertActivation(Activation activation) {
        activations.insertOne(new Document("_id", new ObjectId(activation.id()))
                .append("versionId", activation.versionId())
                .append("label", activation.label())
                .append("effectiveAt", Date.from(activation.effectiveAt()))
                .append("requestedBy", activation.requestedBy())
                .append("requestedAt", Date.from(activation.requestedAt()))
                .append("reason", activation.reason())
                .append("kind", activation.kind().name()));
    }

    /** The schedule entry in force at {@code now}: the latest effective time not after it, the newest entry on a tie. */
    public Optional<Activation> activationAt(Instant now) {
        return Optional.ofNullable(activations.find(Filters.lte("effectiveAt", Date.from(now)))
                .sort(Sorts.descending("effectiveAt", "_id")).first()).map(MongoPathwayVersions::activation);
    }

    /** The whole schedule, in the order it takes effect. */
    public List<Activation> activations() {
        return activations.find().sort(Sorts.ascending("effectiveAt", "_id")).map(MongoPathwayVersions::activation)
                .into(new ArrayList<>());
    }

    private static Bson idIs(String id) {
        return Filters.eq("_id", new ObjectId(id));
    }

    private static List<Document> problems(List<Problem> problems) {
        return problems.stream().map(p -> new Document("source", p.source()).append("line", p.line())
                .append("column", p.column()).append("path", p.path()).append("code", p.code())
                .append("message", p.message())).toList();
    }

    private static Document transition(Transition t) {
        return new Document("from", t.from() == null ? null : t.from().name()).append("to", t.to().name())
                .append("by", t.by()).append("at", Date.from(t.at())).append("reason", t.reason());
    }

    private static PathwayVersion version(Document d) {
        List<Problem> warnings = d.getList("warnings", Document.class, List.of()).stream()
                .map(p -> new Problem(p.getString("source"), p.getInteger("line", 0), p.getInteger("column", 0),
                        p.getString("path"), p.getString("code"), p.getString("message"))).toList();
        List<Transition> transitions = d.getList("transitions", Document.class, List.of()).stream()
                .map(t -> new Transition(t.getString("from") == null ? null : VersionState.valueOf(t.getString("from")),
                        VersionState.valueOf(t.getString("to")), t.getString("by"), t.getDate("at").toInstant(),
                        t.getString("reason"))).toList();
        return new PathwayVersion(d.getObjectId("_id").toHexString(), d.getString("label"), d.getString("pathwayId"),
                d.getString("version"), VersionState.valueOf(d.getString("state")), d.getString("yaml"), warnings,
                d.getString("createdBy"), d.getDate("createdAt").toInstant(), transitions);
    }

    private static Activation activation(Document d) {
        return new Activation(d.getObjectId("_id").toHexString(), d.getString("versionId"), d.getString("label"),
                d.getDate("effectiveAt").toInstant(), d.getString("requestedBy"), d.getDate("requestedAt").toInstant(),
                d.getString("reason"), Activation.Kind.valueOf(d.getString("kind")));
    }
}
