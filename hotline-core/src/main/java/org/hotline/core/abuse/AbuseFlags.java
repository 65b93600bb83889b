package org.hotline.core.abuse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;

/**
 * Flags the caller of a report as abusive for a limited time, and tells whether a call's caller is flagged. Only the
 * caller's keyed hash is used. A flag that has run out is removed the first time it is looked at and that is
 * audited ({@code abuse.flag_expired}); setting and lifting are audited too. Blocking (storage).
 */
public final class AbuseFlags {

    public static final Duration MAX = Duration.ofDays(90);

    private final AbuseFlagStore store;
    private final Function<String, Optional<String>> callerHashes;
    private final AuditLog audit;
    private final Clock clock;

    /** {@code callerHashes}: a report's reference to the keyed hash of the number it came from. */
    public AbuseFlags(AbuseFlagStore store, Function<String, Optional<String>> callerHashes, AuditLog audit, Clock clock) {
        this.store = store;
        this.callerHashes = callerHashes;
        this.audit = audit;
        this.clock = clock;
    }

    /** Flags the number that called in report {@code reference} for {@code days}; empty when it had no number. */
    public Optional<AbuseFlag> flag(String actor, String reference, Duration time) {
        if (time.isNegative() || time.isZero() || time.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("a flag lasts from 1 day to " + MAX.toDays() + " days");
        }
        return callerHashes.apply(reference).map(hash -> {
            Instant now = clock.instant();
            AbuseFlag flag = new AbuseFlag(hash, now.plus(time), actor, now);
            store.put(flag);
            audit.record(new AuditEvent(actor, "abuse.flag", reference, Map.of("until", flag.until().toString())));
            return flag;
        });
    }

    /** Lifts the flag on the caller of {@code reference}; false when there was none. */
    public boolean unflag(String actor, String reference) {
        boolean removed = callerHashes.apply(reference).map(store::remove).orElse(false);
        if (removed) {
            audit.record(AuditEvent.of(actor, "abuse.unflag", reference));
        }
        return removed;
    }

    /** Whether the caller of report {@code reference} is flagged now. */
    public boolean flagged(String reference) {
        return callerHashes.apply(reference).flatMap(store::get).filter(flag -> {
            if (flag.until().isAfter(clock.instant())) {
                return true;
            }
            if (store.remove(flag.callerHash())) {
                audit.record(new AuditEvent("system", "abuse.flag_expired", reference,
                        Map.of("until", flag.until().toString())));
            }
            return false;
        }).isPresent();
    }
}
