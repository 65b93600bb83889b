package org.hotline.core.text.internal;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hotline.core.crypto.TipCipher;
import org.hotline.core.storage.MongoStore;
import org.hotline.core.text.TextSessionStore;
import org.hotline.ivr.text.TextSession;

/**
 * The {@code text_sessions} collection: one document per conversation. The only code that names it. The
 * sender's address, the answers, the reference and held messages are sealed with the tip cipher, bound to the
 * session id; the sender is found by a keyed hash. Updates are conditional on a version, so two nodes taking
 * messages of one sender never overwrite each other.
 */
public final class MongoTextSessionStore implements TextSessionStore {

    private static final String COLLECTION = "text_sessions";
    /** How many message ids a session keeps to recognise a gateway's redelivery. */
    private static final int KEPT_IDS = 100;
    private static final String SEALED = "sealed";

    private final MongoCollection<Document> sessions;
    private final TipCipher cipher;

    public MongoTextSessionStore(MongoStore mongo, TipCipher cipher) {
        this.sessions = mongo.database().getCollection(COLLECTION);
        this.cipher = cipher;
    }

    public void ensureIndexes() {
        sessions.createIndex(Indexes.ascending("key", "state"));
    }

    @Override
    public Optional<Stored> open(String senderKey) {
        Document doc = sessions.find(Filters.and(Filters.eq("key", senderKey),
                Filters.in("state", TextSession.State.ACTIVE.name(), TextSession.State.OPERATOR.name())))
                .sort(Sorts.descending("lastActivity")).first();
        return Optional.ofNullable(doc).map(this::decode);
    }

    @Override
    public boolean seen(String senderKey, String messageId) {
        return sessions.find(Filters.and(Filters.eq("key", senderKey), Filters.eq("messageIds", messageId)))
                .first() != null;
    }

    @Override
    public boolean save(String senderKey, TextSession session, long version, String messageId, String gateway) {
        List<String> ids = new ArrayList<>();
        if (version > 0) {
            Document current = sessions.find(Filters.eq("_id", session.id())).first();
            if (current == null || current.getLong("version") != version) {
                return false;
            }
            ids.addAll(current.getList("messageIds", String.class));
        }
        if (messageId != null) {
            ids.add(messageId);
        }
        List<String> kept = ids.subList(Math.max(0, ids.size() - KEPT_IDS), ids.size());
        Document doc = encode(senderKey, session, version + 1, kept);
        if (version == 0) {
            try {
                sessions.insertOne(doc.append("inbox", List.of()).append("gateway", gateway));
                return true;
            } catch (MongoWriteException e) {
                if (ErrorCategory.fromErrorCode(e.getError().getCode()) == ErrorCategory.DUPLICATE_KEY) {
                    return false;
                }
                throw e;
            }
        }
        List<Bson> sets = new ArrayList<>();
        doc.forEach((field, value) -> {
            if (!field.equals("_id")) {
                sets.add(Updates.set(field, value));
            }
        });
        return sessions.updateOne(Filters.and(Filters.eq("_id", session.id()), Filters.eq("version", version)),
                Updates.combine(sets)).getModifiedCount() == 1;
    }

    @Override
    public void hold(String sessionId, String author, String text, Instant at) {
        String sealed = cipher.sealText(sessionId, "text-inbox", text);
        sessions.updateOne(Filters.eq("_id", sessionId), Updates.push("inbox",
                new Document("at", Date.from(at)).append("author", author).append("text", sealed)));
    }

    @Override
    public Optional<Stored> byId(String sessionId) {
        return Optional.ofNullable(sessions.find(Filters.eq("_id", sessionId)).first()).map(this::decode);
    }

    @Override
    public List<Held> held(String sessionId) {
        Document doc = sessions.find(Filters.eq("_id", sessionId)).first();
        if (doc == null) {
            return List.of();
        }
        return doc.getList("inbox", Document.class).stream().map(d -> new Held(d.getString("author"),
                cipher.openText(sessionId, "text-inbox", d.getString("text")), d.getDate("at").toInstant())).toList();
    }

    @Override
    public List<Stored> inProgress(int limit) {
        List<Stored> open = new ArrayList<>();
        sessions.find(Filters.in("state", TextSession.State.ACTIVE.name(), TextSession.State.OPERATOR.name()))
                .sort(Sorts.ascending("lastActivity")).limit(limit).forEach(d -> open.add(decode(d)));
        return open;
    }

    @Override
    public List<Stored> idleSince(Instant before, int limit) {
        List<Stored> idle = new ArrayList<>();
        sessions.find(Filters.and(Filters.eq("state", TextSession.State.ACTIVE.name()),
                Filters.lt("lastActivity", Date.from(before)))).limit(limit).forEach(d -> idle.add(decode(d)));
        return idle;
    }

    private Document encode(String senderKey, TextSession s, long version, List<String> messageIds) {
        JsonObject secret = new JsonObject().put("sender", s.sender()).put("answers", new JsonObject(new LinkedHashMap<>(s.answers())))
                .put("consents", new JsonObject(new LinkedHashMap<>(s.consents()))).put("reference", s.reference())
                .put("verifiedReference", s.verifiedReference());
        return new Document("_id", s.id()).append("key", senderKey).append("channel", s.channel())
                .append("flowId", s.flowId()).append("node", s.node()).append("language", s.language())
                .append("visits", new Document(new LinkedHashMap<>(s.visits()))).append("failures", s.failures())
                .append("anyReply", s.anyReply()).append("capturing", s.capturing()).append("submitted", s.submitted())
                .append("state", s.state().name()).append("startedAt", Date.from(s.startedAt()))
                .append("lastActivity", Date.from(s.lastActivity())).append("version", version)
                .append("messageIds", new ArrayList<>(messageIds))
                .append(SEALED, cipher.sealText(s.id(), "text-session", secret.encode()));
    }

    private Stored decode(Document d) {
        String id = d.getString("_id");
        JsonObject secret = new JsonObject(cipher.openText(id, "text-session", d.getString(SEALED)));
        Map<String, String> answers = new LinkedHashMap<>();
        secret.getJsonObject("answers").forEach(e -> answers.put(e.getKey(), String.valueOf(e.getValue())));
        Map<String, Boolean> consents = new LinkedHashMap<>();
        secret.getJsonObject("consents").forEach(e -> consents.put(e.getKey(), (Boolean) e.getValue()));
        Map<String, Integer> visits = new LinkedHashMap<>();
        d.get("visits", Document.class).forEach((k, v) -> visits.put(k, ((Number) v).intValue()));
        TextSession session = new TextSession(id, d.getString("channel"), secret.getString("sender"),
                d.getString("flowId"), d.getString("node"), d.getString("language"), answers, consents, visits,
                d.getInteger("failures", 0), d.getBoolean("anyReply", false), d.getBoolean("capturing", true),
                d.getBoolean("submitted", false), secret.getString("reference"),
                secret.getString("verifiedReference"), TextSession.State.valueOf(d.getString("state")),
                d.getDate("startedAt").toInstant(), d.getDate("lastActivity").toInstant());
        List<?> inbox = d.getList("inbox", Document.class, List.of());
        return new Stored(session, d.getLong("version"), d.getList("messageIds", String.class),
                d.getString("gateway"), inbox.size());
    }
}
