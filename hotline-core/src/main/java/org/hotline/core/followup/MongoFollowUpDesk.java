package org.hotline.core.followup;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.privacy.AttemptLimiter;
import org.hotline.core.storage.MongoOutage;
import org.hotline.core.tip.TipRepository;
import org.hotline.core.tip.TipStatus;
import org.hotline.ivr.FollowUpAnswer;
import org.hotline.ivr.FollowUpDesk;
import org.hotline.ivr.IntakeUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follow-up by reference and PIN against the stored tips. Wrong PINs are counted per reference in
 * {@link FollowUpLocks}, for known and unknown references alike: after {@value FollowUpLocks#MAX_FAILURES} wrong
 * PINs either answers "locked" for a short time, so a caller can learn neither whether a reference exists nor
 * its PIN by phone, and an operator can reopen a locked reference after checking the caller. Wrong PINs are also
 * limited per caller (by the keyed hash of the calling number) and for the whole hotline, across references, so
 * that trying one PIN against many references is stopped too: a caller or the hotline past its limit hears
 * "locked". Every lookup outcome and addition is written to the audit log; follow-up recordings are stored
 * encrypted.
 */
public final class MongoFollowUpDesk implements FollowUpDesk {

    private static final Logger LOG = LoggerFactory.getLogger(MongoFollowUpDesk.class);
    /** Wrong PINs one caller may enter across all references. */
    static final AttemptLimiter.Limit PER_CALLER = new AttemptLimiter.Limit("pin-caller", 10, Duration.ofHours(1));
    /** Wrong PINs the whole hotline accepts before follow-up pauses: far above honest use, far below enumeration. */
    static final AttemptLimiter.Limit GLOBAL = new AttemptLimiter.Limit("pin-global", 300, Duration.ofMinutes(10));
    private static final String EVERYONE = "all";

    private final TipRepository tips;
    private final Predicate<String> acknowledged;
    private final BiFunction<String, String, String> pinHash;
    private final Function<String, String> callerHash;
    private final AttemptLimiter limiter;
    private final FollowUpLocks locks;
    private final AuditLog audit;
    private final Clock clock;

    /**
     * @param pinHash maps (reference, pin) to the stored hash, as intake computed it
     * @param callerHash maps a calling number to its keyed hash
     * @param acknowledged whether an agency acknowledged (or reported an outcome on) a referral of a tip id
     */
    public MongoFollowUpDesk(TipRepository tips, Predicate<String> acknowledged, BiFunction<String, String, String> pinHash,
            Function<String, String> callerHash, AttemptLimiter limiter, FollowUpLocks locks, AuditLog audit,
            Clock clock) {
        this.tips = tips;
        this.acknowledged = acknowledged;
        this.pinHash = pinHash;
        this.callerHash = callerHash;
        this.limiter = limiter;
        this.locks = locks;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public FollowUpAnswer lookup(String reference, String pin) {
        return lookup(reference, pin, null);
    }

    /** Checks as the interface says; {@link FollowUpAnswer.Unavailable} while MongoDB cannot be reached. */
    @Override
    public FollowUpAnswer lookup(String reference, String pin, String callerNumber) {
        try {
            return check(reference, pin, callerNumber);
        } catch (RuntimeException e) {
            if (!MongoOutage.isOutage(e)) {
                throw e;
            }
            LOG.debug("Follow-up cannot be checked while MongoDB is away: {}", e.toString());
            return new FollowUpAnswer.Unavailable();
        }
    }

    private FollowUpAnswer check(String reference, String pin, String callerNumber) {
        String caller = callerNumber == null || callerNumber.isBlank() ? null : callerHash.apply(callerNumber);
        if (limiter.exhausted(GLOBAL, EVERYONE) || (caller != null && limiter.exhausted(PER_CALLER, caller))) {
            record("followup.rate_limited", reference, caller);
            return new FollowUpAnswer.Locked();
        }
        if (locks.lockedUntil(reference).isPresent()) {
            record("followup.locked_attempt", reference, caller);
            return new FollowUpAnswer.Locked();
        }
        Optional<TipRepository.FollowUpKey> tip = tips.followUpKey(reference);
        // The PIN hash is computed for unknown references too, so both take the same time.
        String given = pinHash.apply(reference, pin);
        String expected = tip.map(TipRepository.FollowUpKey::pinHash).orElse(null);
        if (expected != null && constantTimeEquals(expected, given)) {
            locks.succeeded(reference);
            record("followup.status_heard", reference, caller);
            return new FollowUpAnswer.Found(status(tip.get()));
        }
        countFailure(caller);
        return wrongPin(reference, caller);
    }

    @Override
    public void addRecording(String reference, String recording, String language) {
        boolean added;
        try {
            added = tips.addFollowUp(reference, recording, language, clock.instant());
        } catch (RuntimeException e) {
            throw new IntakeUnavailableException("the follow-up recording could not be stored", e);
        }
        if (!added) {
            throw new IllegalStateException("no tip with that reference");
        }
        record("followup.recording_added", reference, null);
    }

    private void countFailure(String caller) {
        limiter.fail(GLOBAL, EVERYONE);
        if (caller != null) {
            limiter.fail(PER_CALLER, caller);
        }
    }

    private FollowUpAnswer wrongPin(String reference, String caller) {
        if (locks.fail(reference).isPresent()) {
            LOG.warn("Follow-up locked for a reference after {} wrong PINs", FollowUpLocks.MAX_FAILURES);
            record("followup.locked", reference, caller);
            return new FollowUpAnswer.Locked();
        }
        record("followup.wrong_pin", reference, caller);
        return new FollowUpAnswer.WrongPin();
    }

    private FollowUpAnswer.TipStatus status(TipRepository.FollowUpKey tip) {
        if (tip.status() == TipStatus.CLOSED) {
            return FollowUpAnswer.TipStatus.CLOSED;
        }
        if (acknowledged.test(tip.tipId())) {
            return FollowUpAnswer.TipStatus.ACKNOWLEDGED;
        }
        return tip.status() == TipStatus.REFERRED ? FollowUpAnswer.TipStatus.REFERRED : FollowUpAnswer.TipStatus.RECEIVED;
    }

    /** Audits by reference and caller hash; the calling number itself never reaches the log. */
    private void record(String action, String reference, String caller) {
        audit.record(new AuditEvent("ivr", action, reference == null ? "" : reference,
                caller == null ? Map.of() : Map.of("callerHash", caller)));
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
