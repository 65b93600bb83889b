package org.hotline.core.auth;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bson.Document;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.storage.MongoStore;

/**
 * Staff accounts in collection {@code users}: usernames, roles, the agency of agency users, PBKDF2 password
 * hashes, and the lock-out state. After {@value #MAX_FAILURES} wrong passwords in a row the account is
 * locked for {@link #LOCK_PERIOD}; the counter is updated atomically so parallel attempts cannot slip past.
 * There are no default accounts: the first administrator is created with {@code ./hotline admin create-user}.
 */
public final class UserAccounts {

    public static final int MIN_PASSWORD_LENGTH = 12;
    static final int MAX_FAILURES = 5;
    static final Duration LOCK_PERIOD = Duration.ofMinutes(15);

    private final MongoCollection<Document> users;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;

    public UserAccounts(MongoStore store, PasswordHasher hasher, AuditLog audit, Clock clock) {
        this.users = store.database().getCollection("users");
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
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
                .append("failures", 0)
                .append("createdAt", Date.from(clock.instant()));
        try {
            users.insertOne(user);
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) == ErrorCategory.DUPLICATE_KEY) {
                throw new AccountException("username_taken", "An account named '" + username + "' already exists.");
            }
            throw e;
        }
        audit.record(new AuditEvent(actor, "user.create", id, java.util.Map.of("username", username,
                "roles", roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")))));
        return id;
    }

    /** Checks a password, counting failures towards the lock-out. */
    public SignIn signIn(String username, char[] password) {
        Instant now = clock.instant();
        Document user = username == null ? null : users.find(Filters.eq("username", username)).first();
        if (user == null) {
            // Spend the same time as a real check so response times do not reveal which usernames exist.
            hasher.verify(password, hasher.hash("x".toCharArray()));
            return new SignIn.Refused();
        }
        Date lockedUntil = user.getDate("lockedUntil");
        if (lockedUntil != null && lockedUntil.toInstant().isAfter(now)) {
            audit.record(AuditEvent.of(user.getString("_id"), "auth.locked_attempt", username));
            return new SignIn.LockedOut(lockedUntil.toInstant());
        }
        if (hasher.verify(password, user.getString("passwordHash"))) {
            users.updateOne(Filters.eq("_id", user.get("_id")), Updates.combine(Updates.set("failures", 0),
                    Updates.unset("lockedUntil"), Updates.set("lastSignInAt", Date.from(now))));
            audit.record(AuditEvent.of(user.getString("_id"), "auth.sign_in", username));
            return new SignIn.Success(principal(user));
        }
        Document after = users.findOneAndUpdate(Filters.eq("_id", user.get("_id")), Updates.inc("failures", 1),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        int failures = after == null ? 0 : after.getInteger("failures", 0);
        audit.record(AuditEvent.of(user.getString("_id"), "auth.sign_in_failed", username));
        if (failures >= MAX_FAILURES) {
            Instant until = now.plus(LOCK_PERIOD);
            users.updateOne(Filters.eq("_id", user.get("_id")),
                    Updates.combine(Updates.set("lockedUntil", Date.from(until)), Updates.set("failures", 0)));
            audit.record(AuditEvent.of(user.getString("_id"), "auth.locked", username));
            return new SignIn.LockedOut(until);
        }
        return new SignIn.Refused();
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
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw new AccountException("weak_password",
                    "A password needs at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
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
