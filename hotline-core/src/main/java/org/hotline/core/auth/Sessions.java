package org.hotline.core.auth;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import org.bson.Document;
import org.hotline.core.storage.MongoStore;

/**
 * Short-lived sign-in sessions in collection {@code sessions}, shared by every node. The token is random
 * (256 bits) and only its SHA-256 is stored, so a database copy does not hold usable tokens. A session ends
 * after {@link #IDLE_TIMEOUT} without use or {@link #MAX_AGE} in all. Each carries a CSRF token for
 * cookie-authenticated requests.
 */
public final class Sessions {

    public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);
    public static final Duration MAX_AGE = Duration.ofHours(12);
    /** lastSeenAt is written at most this often, to keep reads cheap. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final MongoCollection<Document> sessions;
    private final UserAccounts accounts;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Sessions(MongoStore store, UserAccounts accounts, Clock clock) {
        this.sessions = store.database().getCollection("sessions");
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A started session: give {@code token} to the client once; it is not stored. */
    public record Started(String token, String csrfToken, Instant expiresAt) {}

    /** A live session found by its token. */
    public record Live(Principal principal, String csrfToken, String sessionId) {}

    public Started start(Principal principal) {
        String token = randomToken();
        String csrf = randomToken();
        Instant now = clock.instant();
        Instant expires = now.plus(MAX_AGE);
        sessions.insertOne(new Document("_id", digest(token)).append("userId", principal.userId())
                .append("csrf", csrf).append("createdAt", Date.from(now)).append("lastSeenAt", Date.from(now))
                .append("expiresAt", Date.from(expires)));
        return new Started(token, csrf, expires);
    }

    public Optional<Live> find(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        String id = digest(token);
        Document session = sessions.find(Filters.eq("_id", id)).first();
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant lastSeen = session.getDate("lastSeenAt").toInstant();
        if (now.isAfter(session.getDate("expiresAt").toInstant()) || now.isAfter(lastSeen.plus(IDLE_TIMEOUT))) {
            sessions.deleteOne(Filters.eq("_id", id));
            return Optional.empty();
        }
        if (now.isAfter(lastSeen.plus(TOUCH_EVERY))) {
            sessions.updateOne(Filters.eq("_id", id), Updates.set("lastSeenAt", Date.from(now)));
        }
        // Roles are read fresh from the account, so a role change takes effect on the next request.
        return accounts.byId(session.getString("userId"))
                .map(p -> new Live(p, session.getString("csrf"), id));
    }

    /**
     * Whether the session of {@code token} is still open, without counting this check as use (a long-lived
     * stream asking must not keep an idle session alive).
     */
    public boolean isLive(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return false;
        }
        Document session = sessions.find(Filters.eq("_id", digest(token))).first();
        if (session == null) {
            return false;
        }
        Instant now = clock.instant();
        return !now.isAfter(session.getDate("expiresAt").toInstant())
                && !now.isAfter(session.getDate("lastSeenAt").toInstant().plus(IDLE_TIMEOUT));
    }

    public void end(String token) {
        if (token != null) {
            sessions.deleteOne(Filters.eq("_id", digest(token)));
        }
    }

    /** Removes expired sessions; our own job because the embedded server has no TTL indexes. */
    public long purgeExpired() {
        Instant now = clock.instant();
        return sessions.deleteMany(Filters.or(Filters.lt("expiresAt", Date.from(now)),
                Filters.lt("lastSeenAt", Date.from(now.minus(IDLE_TIMEOUT))))).getDeletedCount();
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
