package org.hotline.core.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hotline.core.auth.internal.RecoveryCodes;
import org.hotline.core.auth.internal.TotpRecords;
import org.hotline.core.crypto.DataKeys;
import org.hotline.core.crypto.FieldCipher;
import org.hotline.core.security.ServerKey;
import org.hotline.core.storage.MongoStore;

/**
 * The second factor of staff accounts: a TOTP ({@link Totp}) secret per account, required at sign-in once
 * confirmed, and required to exist for accounts holding any of the {@code requiredRoles}. A secret is shown once
 * (a fresh one each time enrolment starts) and stored encrypted under a key derived from the server key; the first
 * right code confirms it and answers {@value RecoveryCodes#COUNT} one-time recovery codes, stored hashed. A time
 * step is accepted once per account (the last accepted step is kept), so an overheard code cannot be replayed.
 */
public final class SecondFactor {

    public static final String ISSUER = "Hotline";
    public static final Set<Role> DEFAULT_REQUIRED_ROLES =
            Set.copyOf(EnumSet.of(Role.SUPERVISOR, Role.MINISTRY_ADMIN, Role.AGENCY_USER));

    /** The second step of a sign-in whose password was right. */
    public sealed interface Check {
        /** Signed in; {@code how} is none, totp, recovery or enrolled; recovery codes only right after enrolment. */
        record Passed(String how, List<String> recoveryCodes) implements Check {}

        /** The account has a confirmed factor and no code was given. */
        record Missing() implements Check {}

        /** A wrong, expired or replayed code, or a used recovery code. */
        record Wrong() implements Check {}

        /** The account must have a factor and has none confirmed: here is a fresh secret, shown this once. */
        record Enrol(Enrolment enrolment) implements Check {}
    }

    /** A secret to put into an authenticator app, as text and as an {@code otpauth://} URI. */
    public record Enrolment(String secret, String otpauthUri) {}

    private final TotpRecords records;
    private final Set<Role> requiredRoles;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SecondFactor(MongoStore store, ServerKey key, Set<Role> requiredRoles, Clock clock) {
        this.records = new TotpRecords(store, new FieldCipher(DataKeys.fixed("totp1", key.derive("totp-secrets"))));
        this.requiredRoles = Set.copyOf(requiredRoles);
        this.clock = clock;
    }

    /** Whether {@code principal} may not sign in without a second factor. */
    public boolean required(Principal principal) {
        return principal.roles().stream().anyMatch(requiredRoles::contains);
    }

    /** Checks {@code code} (a TOTP code or a recovery code; null when none was given) after a right password. */
    Check check(Principal principal, String code) {
        String userId = principal.userId();
        Optional<TotpRecords.Record> record = records.find(userId);
        boolean given = code != null && !code.isBlank();
        if (record.isPresent() && record.get().state() == TotpRecords.State.ACTIVE) {
            return given ? verify(record.get(), code.trim()) : new Check.Missing();
        }
        if (record.isPresent() && given) {
            return confirm(record.get(), code.trim()).<Check>map(codes -> new Check.Passed("enrolled", codes))
                    .orElseGet(Check.Wrong::new);
        }
        return required(principal) ? new Check.Enrol(begin(principal)) : new Check.Passed("none", List.of());
    }

    /** Starts (or starts again) enrolment with a fresh secret; refused when a confirmed factor exists. */
    public Enrolment begin(Principal principal) {
        String secret = Totp.newSecret(random);
        if (!records.savePending(principal.userId(), secret, clock.instant())) {
            throw new AccountException("already_enrolled",
                    "This account already has a second factor; ask a supervisor or administrator to reset it.");
        }
        return new Enrolment(secret, Totp.uri(ISSUER, principal.username(), secret));
    }

    /** Confirms a pending enrolment with a right code; answers the recovery codes, shown this once. */
    public Optional<List<String>> confirm(Principal principal, String code) {
        return records.find(principal.userId()).filter(r -> r.state() == TotpRecords.State.PENDING)
                .flatMap(r -> confirm(r, code == null ? "" : code.trim()));
    }

    /** Removes the second factor of {@code userId}; the next sign-in enrols afresh. True when there was one. */
    public boolean reset(String userId) {
        return records.delete(userId);
    }

    /** Whether {@code userId} has a confirmed factor. */
    public boolean active(String userId) {
        return records.find(userId).filter(r -> r.state() == TotpRecords.State.ACTIVE).isPresent();
    }

    private Check verify(TotpRecords.Record record, String code) {
        if (RecoveryCodes.looksLikeOne(code)) {
            return records.useRecovery(record.userId(), RecoveryCodes.hash(record.userId(), code))
                    ? new Check.Passed("recovery", List.of()) : new Check.Wrong();
        }
        long step = Totp.matchingStep(record.secret(), code, clock.instant());
        return step >= 0 && records.claimStep(record.userId(), step) ? new Check.Passed("totp", List.of())
                : new Check.Wrong();
    }

    private Optional<List<String>> confirm(TotpRecords.Record record, String code) {
        long step = Totp.matchingStep(record.secret(), code, clock.instant());
        if (step < 0) {
            return Optional.empty();
        }
        List<String> codes = RecoveryCodes.generate(random);
        List<String> hashes = codes.stream().map(c -> RecoveryCodes.hash(record.userId(), c)).toList();
        return records.activate(record.userId(), step, hashes, clock.instant()) ? Optional.of(codes) : Optional.empty();
    }
}
