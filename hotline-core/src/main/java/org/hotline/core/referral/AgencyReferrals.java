package org.hotline.core.referral;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.referral.internal.MongoReferralStore;
import org.hotline.core.crypto.PayloadSeal;

/**
 * What an agency sees of its own referrals. Every view is cut on the server: the envelope (id, state,
 * priority, times, the agency's own answers) plus the payload stored when the referral was created, which
 * holds only the fields the agency's data-sharing profile allowed. Nothing else of the tip (withheld fields,
 * consent overrides, the matched rules, other recipients) ever leaves here. A referral of another agency is
 * reported as absent, never as forbidden, so its existence is not confirmed.
 */
public final class AgencyReferrals {

    /** At most this many referrals in a list, newest first. */
    public static final int LIST_LIMIT = 200;
    private static final Set<String> OPEN = Set.of(ReferralState.PENDING.name(), ReferralState.SENDING.name(),
            ReferralState.FAILED.name(), ReferralState.DELIVERED.name(), ReferralState.DEAD_LETTER.name());
    /** Only these envelope fields of a stored referral are read at all. */
    private static final Document ENVELOPE = new Document("_id", 1).append("agencyId", 1).append("agencyName", 1)
            .append("priority", 1).append("state", 1).append("createdAt", 1).append("deliveredAt", 1)
            .append("ackDeadline", 1).append("acknowledgedAt", 1).append("declinedAt", 1).append("declineReason", 1)
            .append("outcomes", 1).append("payload", 1).append("tipId", 1).append("reference", 1);

    private final MongoCollection<Document> referrals;
    private final AuditLog audit;
    private final Clock clock;
    private final PayloadSeal seal;

    public AgencyReferrals(MongoDatabase database, AuditLog audit, Clock clock, PayloadSeal seal) {
        this.referrals = database.getCollection(MongoReferralStore.REFERRALS);
        this.audit = audit;
        this.clock = clock;
        this.seal = seal;
    }

    /** The agency's referrals, newest first (at most {@value #LIST_LIMIT}), with deadlines and states. */
    public JsonArray list(String agencyId) {
        Instant now = clock.instant();
        JsonArray out = new JsonArray();
        referrals.find(eq("agencyId", agencyId)).projection(ENVELOPE).sort(Sorts.descending("createdAt"))
                .limit(LIST_LIMIT).forEach(doc -> out.add(summary(doc, now)));
        return out;
    }

    /** One referral of the agency, audited as {@code referral.view} (also when it is not the agency's). */
    public Optional<JsonObject> view(String referralId, String agencyId, String actor) {
        Document doc = referrals.find(and(eq("_id", referralId), eq("agencyId", agencyId))).projection(ENVELOPE).first();
        audit.record(new AuditEvent(actor, "referral.view", referralId,
                Map.of("agencyId", agencyId, "result", doc == null ? "not_found" : "shown")));
        return Optional.ofNullable(doc).map(d -> detail(opened(d), clock.instant()));
    }

    /**
     * One referral of the agency as it stands now, not audited (the answer to an answer the agency gave);
     * without the payload for answers that came without signing in (link, SMS).
     */
    public Optional<JsonObject> current(String referralId, String agencyId, boolean withPayload) {
        return Optional.ofNullable(referrals.find(and(eq("_id", referralId), eq("agencyId", agencyId)))
                .projection(ENVELOPE).first()).map(d -> {
                    JsonObject view = detail(opened(d), clock.instant());
                    if (!withPayload) {
                        view.remove("payload");
                    }
                    return view;
                });
    }

    /** The envelope of a stored referral as an agency sees it, without the payload. */
    public static JsonObject summary(Document doc, Instant now) {
        String state = doc.getString("state");
        Date deadline = doc.getDate("ackDeadline");
        JsonObject out = new JsonObject()
                .put("id", doc.getString("_id"))
                // the referral's own reference, whether or not the agency's profile lists the tip's
                .put("reference", doc.getString("reference"))
                .put("agencyId", doc.getString("agencyId"))
                .put("priority", doc.getString("priority"))
                .put("state", state)
                .put("createdAt", iso(doc.getDate("createdAt")))
                .put("deliveredAt", iso(doc.getDate("deliveredAt")))
                .put("ackDeadline", iso(deadline))
                .put("overdue", OPEN.contains(state) && deadline != null && now.isAfter(deadline.toInstant()))
                .put("smsCode", SmsReplyCode.of(doc.getString("_id")));
        return out;
    }

    /** The envelope plus the stored payload, the agency's decline reason and its outcomes. */
    public static JsonObject detail(Document doc, Instant now) {
        JsonObject out = summary(doc, now)
                .put("acknowledgedAt", iso(doc.getDate("acknowledgedAt")))
                .put("declinedAt", iso(doc.getDate("declinedAt")))
                .put("declineReason", doc.getString("declineReason"));
        JsonArray outcomes = new JsonArray();
        Document recorded = doc.get("outcomes", Document.class);
        if (recorded != null) {
            recorded.forEach((code, value) -> {
                Document o = (Document) value;
                outcomes.add(new JsonObject().put("code", code).put("at", iso(o.getDate("at"))).put("note", o.getString("note")));
            });
        }
        Document payload = doc.get("payload", Document.class);
        return out.put("outcomes", outcomes)
                .put("payload", payload == null ? new JsonObject() : (JsonObject) plain(payload));
    }

    /**
     * {@code doc} with its payload's personal values, the decline reason and the outcome notes decrypted (stored
     * encrypted at rest, see {@link ReferralAnswers}).
     */
    private Document opened(Document doc) {
        String tipId = doc.getString("tipId");
        Document copy = new Document(doc);
        Document payload = doc.get("payload", Document.class);
        if (payload != null) {
            copy.put("payload", seal.open(tipId, payload));
        }
        copy.put("declineReason", openText(tipId, "declineReason", doc.getString("declineReason")));
        Document outcomes = doc.get("outcomes", Document.class);
        if (outcomes != null) {
            Document open = new Document();
            outcomes.forEach((code, value) -> {
                Document o = new Document((Document) value);
                o.put("note", openText(tipId, "outcome.note", o.getString("note")));
                open.put(code, o);
            });
            copy.put("outcomes", open);
        }
        return copy;
    }

    private String openText(String tipId, String key, String sealed) {
        return seal.openText(tipId, "referral." + key, sealed);
    }

    /** Outcome codes an agency may record, sorted, for the portal's choice list. */
    public static List<String> outcomeCodes() {
        return org.hotline.core.referral.ReferralAnswers.OUTCOMES.stream().sorted().toList();
    }

    /** BSON values as JSON values: documents to objects, lists to arrays, dates to ISO-8601 text. */
    private static Object plain(Object value) {
        if (value instanceof Document d) {
            JsonObject o = new JsonObject();
            d.forEach((k, v) -> o.put(k, plain(v)));
            return o;
        }
        if (value instanceof List<?> list) {
            JsonArray a = new JsonArray();
            list.forEach(v -> a.add(plain(v)));
            return a;
        }
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean || value == null) {
            return value;
        }
        return value.toString();
    }

    private static String iso(Date date) {
        return date == null ? null : date.toInstant().toString();
    }
}
