package org.hotline.core.referral;

import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.UUID;
import java.util.regex.Pattern;
import org.bson.Document;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.crypto.PayloadSeal;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.referral.internal.MongoReferralStore;
import org.hotline.core.referral.internal.ReferralDocuments;
import org.hotline.pathway.Channel;
import org.hotline.pathway.Disclosure;
import org.hotline.pathway.Pathway;
import org.hotline.pathway.Recipient;
import org.hotline.pathway.Routing;

/**
 * Creates and reads referrals: the outbox that dispatch workers deliver from. One referral per recipient of
 * a routing, with id {@code tipId + ":" + agencyId}, so creating the referrals of a tip again (a replayed
 * journal entry, a retried request) adds nothing. A referral keeps the pathway version and the payload it was
 * created with forever; later pathway versions never change it.
 */
public final class ReferralService {

    private static final Pattern AGENCY_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int MAX_TIP_ID = 200;

    private final MongoReferralStore store;
    private final HotlineMetrics metrics;
    private final Clock clock;
    private volatile Consumer<List<Document>> onCreated = created -> { };
    private volatile AuditLog audit = event -> { };
    private volatile PayloadSeal seal = PayloadSeal.NONE;

    public ReferralService(MongoDatabase database, HotlineMetrics metrics, Clock clock) {
        this.store = new MongoReferralStore(database);
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The id of the referral of tip {@code tipId} to agency {@code agencyId}. */
    public static String referralId(String tipId, String agencyId) {
        return tipId + ":" + agencyId;
    }

    /**
     * Stores one PENDING referral per recipient of {@code routing}, due at once. Idempotent: referrals that
     * exist already are left as they are.
     *
     * @param tipFields the tip's canonical fields (with the caller's consents under {@code consents}); each
     *     agency's payload is cut from them by its profile and the consents ({@link Pathway#disclose})
     * @return the ids of the routing's referrals, new or existing, in recipient order
     * @throws InvalidReferralRequestException listing every problem, before anything is stored
     */
    public List<String> createReferrals(String tipId, String reference, Map<String, Object> tipFields,
            Routing routing, Pathway pathway) {
        validate(tipId, reference, tipFields, routing, pathway);
        Map<String, Object> fields = new LinkedHashMap<>(tipFields);
        fields.putIfAbsent("reference", reference);
        List<Disclosure> disclosures = disclosures(routing, pathway, fields);
        Instant now = clock.instant();
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < routing.recipients().size(); i++) {
            documents.add(document(tipId, reference, fields, routing, routing.recipients().get(i), disclosures.get(i), now));
        }
        List<String> ids = new ArrayList<>();
        // One round trip for all recipients; ids that exist already (a re-routed tip) stay as they were.
        Set<String> inserted = store.insertAllAbsent(documents);
        for (Document doc : documents) {
            ids.add(doc.getString("_id"));
            if (inserted.contains(doc.getString("_id"))) {
                metrics.referralCreated(doc.getString("agencyId"));
                metrics.referralState(ReferralState.PENDING.name(), doc.getString("channel"), doc.getString("agencyId"));
                auditOverrides(doc);
            }
        }
        if (!inserted.isEmpty()) {
            onCreated.accept(documents.stream().filter(d -> inserted.contains(d.getString("_id"))).toList());
        }
        return ids;
    }

    /** Encrypts the personal values of every payload stored from now on, and opens them on reading. */
    public void sealWith(PayloadSeal payloadSeal) {
        this.seal = payloadSeal;
    }

    /** The seal payloads are stored under (for the features that read referral documents themselves). */
    public PayloadSeal payloadSeal() {
        return seal;
    }

    /** {@code doc} with its payload's personal values decrypted. */
    public Document opened(Document doc) {
        Document payload = doc.get("payload", Document.class);
        if (payload == null) {
            return doc;
        }
        Document copy = new Document(doc);
        copy.put("payload", seal.open(doc.getString("tipId"), payload));
        return copy;
    }

    public Optional<Referral> find(String referralId) {
        return store.find(referralId).map(this::opened).map(ReferralDocuments::referral);
    }

    /** The referrals of one tip, ordered by id. */
    public List<Referral> forTip(String tipId) {
        return store.forTip(tipId).stream().map(this::opened).map(ReferralDocuments::referral).toList();
    }

    /** Up to {@code limit} referrals in {@code state}, oldest first (e.g. dead letters for supervisors). */
    public List<Referral> inState(ReferralState state, int limit) {
        return store.inState(state, limit).stream().map(this::opened).map(ReferralDocuments::referral).toList();
    }

    /** Tells {@code listener} of the referrals a call created, if any (dispatch takes them at once). */
    void onCreated(Consumer<List<Document>> listener) {
        this.onCreated = listener;
    }

    /**
     * Sends every consent override applied to a new referral to {@code log} (action
     * {@code referral.consent_override}, with rule, field, missing consent, condition and reason).
     */
    public void auditWith(AuditLog log) {
        this.audit = log;
    }

    private void auditOverrides(Document referral) {
        for (Document o : referral.getList("consentOverrides", Document.class)) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("agencyId", referral.getString("agencyId"));
            details.put("tipId", referral.getString("tipId"));
            for (String k : List.of("ruleId", "field", "consentPurpose", "condition", "reason")) {
                details.put(k, String.valueOf(o.get(k)));
            }
            audit.record(new AuditEvent("system", "referral.consent_override", referral.getString("reference"), details));
        }
    }

    /** What each recipient may see; a recipient the pathway does not know is refused before anything is stored. */
    private static List<Disclosure> disclosures(Routing routing, Pathway pathway, Map<String, Object> fields) {
        List<Disclosure> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Recipient recipient : routing.recipients()) {
            try {
                out.add(pathway.disclose(recipient, fields));
            } catch (IllegalArgumentException e) {
                problems.add("recipient " + recipient.agencyId() + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidReferralRequestException(problems);
        }
        return out;
    }

    private Document document(String tipId, String reference, Map<String, Object> tipFields, Routing routing,
            Recipient recipient, Disclosure disclosure, Instant now) {
        String id = referralId(tipId, recipient.agencyId());
        Object category = tipFields.get("exploitationType");
        List<Document> channels = recipient.channels().stream().map(ReferralDocuments::channel).toList();
        return new Document("_id", id)
                .append("tipId", tipId)
                .append("reference", reference)
                .append("agencyId", recipient.agencyId())
                .append("agencyName", recipient.agencyName())
                .append("profile", recipient.profile())
                .append("category", category == null ? null : category.toString())
                .append("priority", recipient.priority().name())
                .append("priorityRank", recipient.priority().ordinal())
                .append("channels", channels)
                .append("channel", primaryChannel(recipient.channels()).kind())
                .append("payload", seal.seal(tipId, new Document(disclosure.payload())))
                .append("withheld", disclosure.withheld())
                .append("consentOverrides", disclosure.overrides().stream().map(ReferralService::override).toList())
                .append("ackDeadline", Date.from(now.plus(recipient.acknowledgeWithin())))
                .append("acknowledgeWithinMs", recipient.acknowledgeWithin().toMillis())
                .append("escalationStep", 0)
                .append("chainIndex", 0)
                .append("reminders", 0)
                .append("escalationChain", recipient.escalationChain())
                .append("matchedRules", recipient.matchedRules())
                .append("pathwayId", routing.pathwayId())
                .append("pathwayVersion", routing.pathwayVersion())
                .append("fallbackUsed", routing.fallbackUsed())
                .append("idempotencyKey", UUID.nameUUIDFromBytes(("referral:" + id).getBytes(StandardCharsets.UTF_8)).toString())
                .append("state", ReferralState.PENDING.name())
                .append("nextAttemptAt", Date.from(now))
                .append("attempts", List.of())
                .append("attemptCount", 0)
                .append("createdAt", Date.from(now))
                .append("updatedAt", Date.from(now));
    }

    private static Document override(Disclosure.AppliedOverride o) {
        return new Document("ruleId", o.ruleId()).append("field", o.field()).append("consentPurpose", o.consentPurpose())
                .append("condition", o.condition()).append("reason", o.reason());
    }

    /** The channel dispatch pushes through: the first one that is not the pull-only portal. */
    static Channel primaryChannel(List<Channel> channels) {
        return channels.stream().filter(c -> !(c instanceof Channel.Portal)).findFirst()
                .orElse(new Channel.Portal());
    }

    private static void validate(String tipId, String reference, Map<String, Object> tipFields, Routing routing,
            Pathway pathway) {
        List<String> problems = new ArrayList<>();
        if (tipId == null || tipId.isBlank() || tipId.length() > MAX_TIP_ID) {
            problems.add("tipId must be 1-" + MAX_TIP_ID + " characters");
        }
        if (reference == null || reference.isBlank()) {
            problems.add("reference is required");
        }
        if (tipFields == null) {
            problems.add("tipFields is required");
        }
        if (routing == null || pathway == null) {
            problems.add("routing and pathway are required");
        } else {
            if (!routing.pathwayId().equals(pathway.id()) || !routing.pathwayVersion().equals(pathway.version())) {
                problems.add("routing comes from pathway " + routing.pathwayId() + "@" + routing.pathwayVersion()
                        + " but pathway " + pathway.id() + "@" + pathway.version() + " was given");
            }
            validateRecipients(routing.recipients(), problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidReferralRequestException(problems);
        }
    }

    private static void validateRecipients(List<Recipient> recipients, List<String> problems) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < recipients.size(); i++) {
            Recipient r = recipients.get(i);
            String where = "recipients[" + i + "]";
            if (r.agencyId() == null || !AGENCY_ID.matcher(r.agencyId()).matches()) {
                problems.add(where + ".agencyId must be 1-64 letters, digits, '_' or '-' (got " + r.agencyId() + ")");
            } else if (!seen.add(r.agencyId())) {
                problems.add(where + ".agencyId " + r.agencyId() + " appears twice");
            }
            if (r.priority() == null) {
                problems.add(where + ".priority is required");
            }
            if (r.acknowledgeWithin() == null || r.acknowledgeWithin().isNegative() || r.acknowledgeWithin().isZero()) {
                problems.add(where + ".acknowledgeWithin must be a positive duration");
            }
            if (r.channels().isEmpty()) {
                problems.add(where + ".channels must not be empty");
            }
            for (Channel c : r.channels()) {
                if (c instanceof Channel.Webhook w && !DispatchConfig.isHttpUrl(w.url())) {
                    problems.add(where + ": webhook url must be an http(s) URL (got " + w.url() + ")");
                }
            }
        }
    }
}
