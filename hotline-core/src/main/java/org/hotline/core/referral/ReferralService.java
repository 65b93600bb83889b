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
import org.hotline.core.tip.CaseFile;
import org.hotline.pathway.Agency;
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
    private final ReferralOutbox outbox;
    private final Clock clock;
    private final ReferralUpdates updates;
    /** Referrals read through the driver's codec, payloads opened. */
    private final com.mongodb.client.MongoCollection<Referral> typed;

    /**
     * @param seal encrypts the personal values of every stored payload; the readers here open them
     * @param audit receives every consent override applied to a new referral ({@code referral.consent_override})
     */
    public ReferralService(MongoDatabase database, HotlineMetrics metrics, Clock clock, PayloadSeal seal, AuditLog audit) {
        this(new ReferralOutbox(new MongoReferralStore(database), metrics, seal, audit), new MongoReferralStore(database),
                clock);
    }

    ReferralService(ReferralOutbox outbox, MongoReferralStore store, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
        this.updates = new ReferralUpdates(outbox, store, clock);
        this.typed = store.typed(outbox.seal());
    }

    /** Updates of a case for agencies that already have its referral, through the same outbox. */
    public ReferralUpdates updates() {
        return updates;
    }

    /** The id of the referral of tip {@code tipId} to agency {@code agencyId}. */
    public static String referralId(String tipId, String agencyId) {
        return tipId + ":" + agencyId;
    }

    /** Whether {@code id} is tip {@code tipId}'s referral to {@code agencyId} itself, not an update sent after it. */
    public static boolean isReferralItself(String id, String tipId, String agencyId) {
        return referralId(tipId, agencyId).equals(id);
    }

    /** As {@link #createReferrals(CaseFile, Routing, Pathway)} for a case file given as its parts. */
    public List<String> createReferrals(String tipId, String reference, Map<String, Object> tipFields,
            Routing routing, Pathway pathway) {
        validate(tipId, reference, tipFields, routing, pathway);
        Map<String, Object> fields = new LinkedHashMap<>(tipFields);
        fields.putIfAbsent("reference", reference);
        return createReferrals(new CaseFile(tipId, reference, null, null, fields), routing, pathway);
    }

    /**
     * Stores one PENDING referral per recipient of {@code routing}, due at once, each with the payload the one
     * disclosure function cuts for it ({@link CaseDisclosure}). Idempotent: referrals that exist already are
     * left as they are.
     *
     * @return the ids of the routing's referrals, new or existing, in recipient order
     * @throws InvalidReferralRequestException listing every problem, before anything is stored
     */
    public List<String> createReferrals(CaseFile file, Routing routing, Pathway pathway) {
        List<Document> drafts = drafts(file, routing, pathway);
        // One round trip for all recipients; ids that exist already (a re-routed tip) stay as they were.
        outbox.add(drafts);
        return drafts.stream().map(d -> d.getString("_id")).toList();
    }

    /** A case file and the routing the pathway gave it, for {@link #createReferralsOfAll}. */
    public record Routed(CaseFile file, Routing routing, Pathway pathway) {}

    /**
     * As {@link #createReferrals(CaseFile, Routing, Pathway)} for the first routings of several tips, in one round
     * trip for them all; every case is checked before anything is stored.
     */
    public void createReferralsOfAll(List<Routed> routed) {
        List<Document> drafts = new ArrayList<>();
        routed.forEach(r -> drafts.addAll(drafts(r.file(), r.routing(), r.pathway())));
        outbox.add(drafts);
    }

    private List<Document> drafts(CaseFile file, Routing routing, Pathway pathway) {
        validate(file.tipId(), file.reference(), file.fields(), routing, pathway);
        List<CaseDisclosure.Cut> cuts = cuts(routing, pathway, file);
        Instant now = clock.instant();
        List<Document> drafts = new ArrayList<>();
        for (int i = 0; i < routing.recipients().size(); i++) {
            Recipient r = routing.recipients().get(i);
            ReferralDrafts.Terms terms = new ReferralDrafts.Terms(r.priority(), r.acknowledgeWithin(),
                    r.escalationChain(), r.matchedRules(), routing.pathwayId(), routing.pathwayVersion(),
                    routing.fallbackUsed());
            drafts.add(ReferralDrafts.draft(referralId(file.tipId(), r.agencyId()), file, agency(pathway, r),
                    cuts.get(i), terms, now));
        }
        return drafts;
    }

    /**
     * Cuts the payload of every referral of the case not delivered yet anew from {@code file} (the operator
     * changed the report: data removed, consent withdrawn, danger flagged), so what leaves the node is what the
     * case allows now. A referral of the routing is cut for its recipient; one handed over for its agency.
     * Returns how many were re-cut.
     */
    public int recutUndelivered(CaseFile file, Routing routing, Pathway pathway) {
        Instant now = clock.instant();
        int recut = 0;
        for (Document doc : store.forTip(file.tipId())) {
            ReferralState state = ReferralState.valueOf(doc.getString("state"));
            if (state != ReferralState.PENDING && state != ReferralState.FAILED) {
                continue;
            }
            String agencyId = doc.getString("agencyId");
            Optional<Recipient> recipient = routing.recipients().stream()
                    .filter(r -> r.agencyId().equals(agencyId) && doc.getString("handedOverFrom") == null).findFirst();
            CaseDisclosure.Cut cut;
            try {
                cut = recipient.isPresent() ? CaseDisclosure.forRecipient(pathway, recipient.get(), file)
                        : CaseDisclosure.forHandover(pathway, agencyId,
                                doc.getList("matchedRules", String.class, List.of()), file);
            } catch (IllegalArgumentException e) {
                continue; // the agency left the directory: its referral keeps what it had, no more
            }
            Document draft = ReferralDrafts.recut(doc, cut, recipient.map(Recipient::matchedRules)
                    .orElse(doc.getList("matchedRules", String.class, List.of())));
            if (ReferralUpdates.KIND.equals(doc.getString("kind"))) {
                draft.get("payload", Document.class).append("update", true).append("revision", doc.get("revision"));
            }
            recut += outbox.recut(draft, now) ? 1 : 0;
        }
        return recut;
    }

    /** The outbox every referral enters by (listeners: dispatch, the duty-officer ring). */
    public ReferralOutbox outbox() {
        return outbox;
    }

    /** The seal payloads are stored under (for the features that read referral documents themselves). */
    public PayloadSeal payloadSeal() {
        return outbox.seal();
    }

    /** {@code doc} with its payload's personal values decrypted. */
    public Document opened(Document doc) {
        Document payload = doc.get("payload", Document.class);
        if (payload == null) {
            return doc;
        }
        Document copy = new Document(doc);
        copy.put("payload", outbox.seal().open(doc.getString("tipId"), payload));
        return copy;
    }

    public Optional<Referral> find(String referralId) {
        return Optional.ofNullable(typed.find(com.mongodb.client.model.Filters.eq("_id", referralId)).first());
    }

    /** The referrals of one tip, ordered by id. */
    public List<Referral> forTip(String tipId) {
        return typed.find(com.mongodb.client.model.Filters.eq("tipId", tipId))
                .sort(com.mongodb.client.model.Sorts.ascending("_id")).into(new ArrayList<>());
    }

    /** Whether an agency acknowledged, or reported an outcome on, a referral of the tip. */
    public boolean acknowledged(String tipId) {
        return forTip(tipId).stream().anyMatch(r -> r.state() == ReferralState.ACKNOWLEDGED
                || r.state() == ReferralState.OUTCOME_RECORDED);
    }

    /** Up to {@code limit} referrals in {@code state}, oldest first (e.g. dead letters for supervisors). */
    public List<Referral> inState(ReferralState state, int limit) {
        return typed.find(com.mongodb.client.model.Filters.eq("state", state.name()))
                .sort(com.mongodb.client.model.Sorts.ascending("createdAt")).limit(limit).into(new ArrayList<>());
    }

    /** Tells {@code listener} of the referrals the outbox took (dispatch takes them at once). */
    void onCreated(Consumer<List<ReferralOutbox.Created>> listener) {
        outbox.onCreated(listener);
    }

    private static Agency agency(Pathway pathway, Recipient r) {
        return pathway.agency(r.agencyId()).orElseGet(() -> new Agency(r.agencyId(), r.agencyName(), null, List.of(),
                List.of(), r.channels(), List.of()));
    }

    /** What each recipient may see; a recipient the pathway does not know is refused before anything is stored. */
    private static List<CaseDisclosure.Cut> cuts(Routing routing, Pathway pathway, CaseFile file) {
        List<CaseDisclosure.Cut> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Recipient recipient : routing.recipients()) {
            try {
                out.add(CaseDisclosure.forRecipient(pathway, recipient, file));
            } catch (IllegalArgumentException e) {
                problems.add("recipient " + recipient.agencyId() + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidReferralRequestException(problems);
        }
        return out;
    }

    /** The channel dispatch pushes through: the first one that is not the pull-only portal. */
    static Channel primaryChannel(List<Channel> channels) {
        return channels.stream().filter(c -> !(c instanceof Channel.Portal)).findFirst()
                .orElse(new Channel.Portal());
    }

    private static void validate(String tipId, String reference, Map<String, ?> tipFields, Routing routing,
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
