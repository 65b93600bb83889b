package org.hotline.core.tip;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The only reader and writer of stored tips: it alone knows the collection, its field names and indexes, and
 * it encrypts personal values on the way in and decrypts them on the way out, so no other code sees ciphertext
 * or a raw document. Every change is one atomic update of one tip. Blocking (run off the event loop).
 */
public interface TipRepository {

    /**
     * Builds the stored form of a tip intake just accepted, its personal values encrypted: the calling number
     * kept only with callback consent, a callback to a number a child used only by an operator's decision.
     */
    SealedTip seal(NewTip tip);


    Optional<Tip> find(String tipId);

    Optional<Tip> byReference(String reference);

    /** Tips stored before {@code cutoff} and still not routed (a crash between storing and routing). */
    List<Tip> unroutedBefore(Instant cutoff);

    /**
     * The ids of the tips stored before {@code cutoff} and still not routed, oldest first, without opening them: a
     * reader that opens each by itself ({@link #find}) is not stopped by one tip it cannot open.
     */
    List<String> unroutedIdsBefore(Instant cutoff);

    /**
     * Claims an unrouted tip for routing by {@code node} until {@code until}, so that of several back-office nodes
     * polling for tips other nodes stored only one routes each: false when it is routed already or another node's
     * claim still holds. A node that dies holding a claim leaves the tip unrouted; the claim runs out at
     * {@code until} and another node routes it.
     */
    boolean claimRouting(String tipId, String node, Instant now, Instant until);

    /** Marks a tip routed without referrals: a person reviews it ({@link TipStatus#REVIEW}). */
    void holdForReview(String tipId, String note);

    /** Marks a tip routed by {@code routing} (status REFERRED), listing {@code recipients} as its routing's. */
    void markRouted(String tipId, RoutingRecord routing, List<Tip.RoutedTo> recipients);

    /** A first routing to record: the tip, how it was routed, and to whom. */
    record Routed(String tipId, RoutingRecord routing, List<Tip.RoutedTo> recipients) {}

    /** Records the routings of several tips at once (one round trip where the store allows it). */
    default void markAllRouted(List<Routed> routed) {
        routed.forEach(r -> markRouted(r.tipId(), r.routing(), r.recipients()));
    }

    /** Records what the hotline owes a tip received while operators were closed (review, callback time). */
    void markAfterHours(String tipId, Tip.AfterHoursCare care);

    /** How a pathway version routed a tip. */
    record RoutingRecord(String pathwayId, String pathwayVersion, boolean fallbackUsed, Instant at) {}

    /** Applies an operator's change and returns the tip's new revision number. */
    int revise(String tipId, Revision revision);

    /**
     * An operator's change to a tip: report fields set (personal ones encrypted by the repository), consents
     * given or refused (recorded with wording and language), whether a callback is now allowed, and for an
     * emergency its note (sets immediate danger and reopens a closed tip). A {@code wholeForm} revision is the
     * whole picture of the report: a personal field it does not carry is removed from the tip, the calling
     * number goes when the callback consent is refused, the recording when the recording consent is. A revision
     * with a {@code keptId} (a form kept during a MongoDB outage and applied later) is applied at most once, however
     * often it is replayed.
     */
    record Revision(String kind, String by, Instant at, Map<String, Object> fields, Map<String, Boolean> consents,
            String consentWording, String consentLanguage, Boolean callbackEffective, String callerNumber,
            String emergencyNote, boolean wholeForm, String keptId) {

        public Revision {
            fields = Map.copyOf(fields);
            consents = Map.copyOf(consents);
        }

        /** A revision made now (not kept for later). */
        public Revision(String kind, String by, Instant at, Map<String, Object> fields, Map<String, Boolean> consents,
                String consentWording, String consentLanguage, Boolean callbackEffective, String callerNumber,
                String emergencyNote, boolean wholeForm) {
            this(kind, by, at, fields, consents, consentWording, consentLanguage, callbackEffective, callerNumber,
                    emergencyNote, wholeForm, null);
        }

        /** The same revision, applied at most once under {@code id}. */
        public Revision kept(String id) {
            return new Revision(kind, by, at, fields, consents, consentWording, consentLanguage, callbackEffective,
                    callerNumber, emergencyNote, wholeForm, id);
        }

        /** The emergency button: immediate danger, with the operator's note. */
        public static Revision emergency(String by, Instant at, String note) {
            return new Revision("emergency", by, at, Map.of("immediateDanger", true), Map.of(), null, null, null, null,
                    note == null ? "" : note, false);
        }
    }

    /** Tips this operator took or changed, newest first. */
    List<Tip> byOperator(String userId, int limit);

    /**
     * Open tips whose effective callback consent falls in one of {@code windows}, no callback was made, and any
     * after-hours callback time has come by {@code now}.
     */
    List<Tip> callbacksDue(List<String> windows, Instant now, int limit);

    /** Records a callback attempt's result on an open tip; false when none has that reference. */
    boolean callbackDone(String reference, String result, String by, Instant at);

    /**
     * Tips a person must look at, oldest first: those set aside for review ({@link TipStatus#REVIEW}) and open
     * after-hours tips with a review deadline not reviewed yet.
     */
    List<Tip> reviewQueue(int limit);

    /**
     * Closes a tip under review with the supervisor's note, or, for a routed after-hours tip waiting for a look,
     * records the review and leaves the tip open; false when it is not waiting for review.
     */
    boolean closeReview(String reference, String note, String by, Instant at);

    /** A staff decision recorded on a tip: who, why, when. */
    record Decision(String by, String reason, Instant at) {}

    /** Puts a tip on legal hold (exempt from the retention purge) or takes it off. */
    void setLegalHold(String tipId, boolean hold, Decision decision);

    /** Lets a child tip's callback consent take effect; false when it was allowed already. */
    boolean allowCallback(String tipId, Decision decision);

    /** Ids of tips in {@code status} whose retention ran out by {@code cutoff}, not on hold, not purged yet. */
    List<String> dueForPurge(String status, Instant cutoff, int limit);

    /**
     * Replaces a due tip by its anonymised statistics; empty when it is no longer due (held, changed or purged
     * meanwhile).
     */
    Optional<Purged> purge(String tipId, String status, String reason, Instant now);

    /** What a purge removed: the tip's reference and the recording files it pointed at (to delete). */
    record Purged(String reference, List<String> recordings) {}

    /** What a follow-up caller is checked against: the tip, its PIN hash and status. */
    record FollowUpKey(String tipId, String pinHash, TipStatus status) {}

    Optional<FollowUpKey> followUpKey(String reference);

    /** The keyed hash of the number that called in the tip with this reference, when it had one. */
    Optional<String> callerHash(String reference);

    /**
     * The newest {@code limit} tips not purged, newest first, opened, each with the keyed hash of its calling
     * number (null without one): what related-report suggestions compare. Blocking; decrypts every tip it returns.
     */
    List<Recent> recent(int limit);

    /** A tip as {@link #recent} gives it: opened, with its caller's keyed hash (never the number). */
    record Recent(Tip tip, String callerHash) {}

    /** Appends a follow-up message the caller recorded (its reference sealed); false when no tip has it. */
    boolean addFollowUp(String reference, String recording, String language, Instant at);

    /**
     * Tips received in [{@code from}, {@code to}) (in {@code region} when given), for statistics: category fields
     * and consents only — personal values are left out, never decrypted.
     */
    List<Tip> receivedBetween(Instant from, Instant to, Optional<String> region);
}
