package org.hotline.core.auth;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bson.Document;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.storage.MongoStore;

/**
 * Staff accounts in collection {@code users}: usernames, roles, the agency of agency users and PBKDF2 password
 * hashes. A sign-in takes the same work and gets the same answers whether or not the username exists: an
 * unknown name is checked against a dummy hash made once, and wrong passwords are slowed by
 * {@link SignInBackoff} per username and source address (no hard lock anyone could trigger). Passwords follow
 * {@link PasswordPolicy}. After a right password comes the {@link SecondFactor}: a TOTP or recovery code, or
 * enrolment for an account that must have one; a wrong code counts like a wrong password. There are no default
 * accounts: the first administrator is created with {@code ./hotline admin create-user}.
 */
public final class UserAccounts {

    public static final int MIN_PASSWORD_LENGTH = PasswordPolicy.MIN_LENGTH;
    /** The source of sign-ins that come from no network address (the command line, tests). */
    public static final String LOCAL = "local";

    private final MongoCollection<Document> users;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;
    private final SignInBackoff backoff;
    private final SecondFactor secondFactor;
    /** Checked when the username is unknown, so that costs one hash like a real check. */
    private final String dummyHash;

    public UserAccounts(MongoStore store, PasswordHasher hasher, AuditLog audit, Clock clock, SecondFactor secondFactor) {
        this.users = store.database().getCollection("users");
        this.secondFactor = secondFactor;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
        this.backoff = new SignInBackoff(store, clock);
        this.dummyHash = hasher.hash(UUID.randomUUID().toString().toCharArray());
    }

    public void ensureIndexes() {
        users.createIndex(new Document("username", 1), new IndexOptions().unique(true));
    }

    /** Creates an account; {@code actor} is who does it (audited). Returns the new user id. */
    public String create(String username, char[] password, Set<Role> roles, Optional<String> agencyId, String actor) {
        validate(username, password, roles, agencyId);
        String id = UUID.randomUUID().toString();
        Document user = new Document("_id", id).append("username", username)
                .append("passwordHash", hasher.hash(password))
                .append("roles", roles.stream().map(Role::name).sorted().toList())
                .append("agencyId", agencyId.orElse(null))
                .append("createdAt", Date.from(clock.instant()));
        try {
            users.insertOne(user);
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) == ErrorCategory.DUPLICATE_KEY) {
                throw new AccountException("username_taken", "An account named '" + username + "' already exists.");
            }
            throw e;
        }
        audit.record(new AuditEvent(actor, "user.create", id, Map.of("username", username,
                "roles", roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")))));
        return id;
    }

    /** {@link #signIn(String, char[], String, String)} from no network address, without a code. */
    public SignIn signIn(String username, char[] password) {
        return signIn(username, password, null, LOCAL);
    }

    /** {@link #signIn(String, char[], String, String)} without a code. */
    public SignIn signIn(String username, char[] password, String source) {
        return signIn(username, password, null, source);
    }

    /**
     * Checks a password and then the second factor ({@code code}: a TOTP code, a recovery code or null) from
     * {@code source} (the client address); wrong passwords and wrong codes count towards the back-off.
     */
    public SignIn signIn(String username, char[] password, String code, String source) {
        Optional<Instant> wait = backoff.waitUntil(username, source);
        if (wait.isPresent()) {
            return new SignIn.Backoff(wait.get());
        }
        Document user = username == null ? null : users.find(Filters.eq("username", username)).first();
        boolean matches = hasher.verify(password, user == null ? dummyHash : user.getString("passwordHash"));
        String actor = user == null ? "anonymous" : user.getString("_id");
        // an unknown name may be a password typed in the wrong field: it is not written to the log
        String target = user == null ? "" : username;
        if (user != null && matches) {
            return secondStep(principal(user), code, source);
        }
        return failed(actor, "auth.sign_in_failed", username, target, source);
    }

    private SignIn secondStep(Principal principal, String code, String source) {
        String id = principal.userId();
        String username = principal.username();
        return switch (secondFactor.check(principal, code)) {
            case SecondFactor.Check.Passed passed -> {
                backoff.succeeded(username, source);
                users.updateOne(Filters.eq("_id", id), Updates.set("lastSignInAt", Date.from(clock.instant())));
                if (passed.how().equals("enrolled")) {
                    audit.record(AuditEvent.of(id, "auth.totp_enrolled", username));
                }
                audit.record(new AuditEvent(id, "auth.sign_in", username, Map.of("factor", passed.how())));
                yield new SignIn.Success(principal, passed.recoveryCodes());
            }
            case SecondFactor.Check.Missing missing -> new SignIn.CodeRequired();
            case SecondFactor.Check.Enrol enrol -> {
                audit.record(AuditEvent.of(id, "auth.totp_enrolment_started", username));
                yield new SignIn.EnrolmentRequired(enrol.enrolment());
            }
            case SecondFactor.Check.Wrong wrong -> {
                failed(id, "auth.second_factor_failed", username, username, source);
                yield new SignIn.WrongCode();
            }
        };
    }

    private SignIn failed(String actor, String action, String username, String target, String source) {
        Optional<Instant> backoffStarted = backoff.fail(username, source);
        audit.record(AuditEvent.of(actor, action, target));
        backoffStarted.ifPresent(until -> audit.record(new AuditEvent(actor, "auth.backoff", target,
                Map.of("until", until.toString()))));
        return new SignIn.Refused();
    }

    /** Starts voluntary (or repeated) enrolment of the signed-in {@code principal}; audited. */
    public SecondFactor.Enrolment beginEnrolment(Principal principal) {
        SecondFactor.Enrolment enrolment = secondFactor.begin(principal);
        audit.record(AuditEvent.of(principal.userId(), "auth.totp_enrolment_started", principal.username()));
        return enrolment;
    }

    /** Confirms the enrolment of {@code principal} with a code; answers the recovery codes (shown once). */
    public Optional<List<String>> confirmEnrolment(Principal principal, String code) {
        Optional<List<String>> codes = secondFactor.confirm(principal, code);
        audit.record(AuditEvent.of(principal.userId(),
                codes.isPresent() ? "auth.totp_enrolled" : "auth.totp_confirm_failed", principal.username()));
        return codes;
    }

    /**
     * Removes the second factor of {@code username} for a person who has checked it is really the account's
     * owner (lost phone and recovery codes); the owner enrols afresh at the next sign-in. Audited as
     * {@code auth.totp_reset} by {@code actor}. False when there is no such account.
     */
    public boolean resetSecondFactor(String username, String actor) {
        Document user = username == null ? null : users.find(Filters.eq("username", username)).first();
        if (user == null) {
            return false;
        }
        boolean had = secondFactor.reset(user.getString("_id"));
        audit.record(new AuditEvent(actor, "auth.totp_reset", username, Map.of("hadFactor", String.valueOf(had))));
        return true;
    }

    /**
     * Lifts the sign-in back-off of {@code username} (all addresses) for a person who has checked it is really
     * the account's owner; audited as {@code auth.unlocked} by {@code actor}.
     */
    public void unlock(String username, String actor) {
        long counters = backoff.clear(username);
        audit.record(new AuditEvent(actor, "auth.unlocked", username, Map.of("counters", String.valueOf(counters))));
    }

    public Optional<Principal> byId(String userId) {
        return Optional.ofNullable(users.find(Filters.eq("_id", userId)).first()).map(UserAccounts::principal);
    }

    public long count() {
        return users.countDocuments();
    }

    private static Principal principal(Document user) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        user.getList("roles", String.class, List.of()).forEach(r -> roles.add(Role.valueOf(r)));
        return new Principal(user.getString("_id"), user.getString("username"), roles,
                Optional.ofNullable(user.getString("agencyId")));
    }

    private static void validate(String username, char[] password, Set<Role> roles, Optional<String> agencyId) {
        if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{2,63}")) {
            throw new AccountException("invalid_username",
                    "A username is 3-64 characters: lower-case letters, digits, '.', '_' or '-'.");
        }
        PasswordPolicy.check(username, password);
        if (roles == null || roles.isEmpty()) {
            throw new AccountException("no_role", "An account needs at least one role.");
        }
        if (roles.contains(Role.AGENCY_USER) != agencyId.isPresent()) {
            throw new AccountException("agency_mismatch",
                    "Agency users need an agency, and only agency users may have one.");
        }
        if (roles.contains(Role.AGENCY_USER) && roles.size() > 1) {
            throw new AccountException("agency_mismatch", "An agency user account cannot hold staff roles.");
        }
    }
}
