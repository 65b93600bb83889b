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
import org.hotline.core.auth.internal.LocalSessions;
import org.hotline.core.storage.MongoOutage;
import org.hotline.core.storage.MongoStore;

/**
 * Short-lived sign-in sessions in collection {@code sessions}, shared by every node. The token is random
 * (256 bits) and only its SHA-256 is stored, so a database copy does not hold usable tokens. A session ends
 * after {@link #IDLE_TIMEOUT} without use or {@link #MAX_AGE} in all. Each carries a CSRF token for
 * cookie-authenticated requests.
 *
 * <p>While MongoDB is unreachable, sessions this node has seen are checked against its own bounded copy
 * ({@link LocalSessions}, at most {@link #DEFAULT_LOCAL_SESSIONS}) with the same timeouts and the roles last read,
 * so signed-in staff stay signed in; nobody can sign in until MongoDB is back. A sign-out during the outage ends the
 * session here at once and in MongoDB when it answers again. With MongoDB up, MongoDB decides.
 */
public final class Sessions {

    public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);
    public static final Duration MAX_AGE = Duration.ofHours(12);
    /** lastSeenAt is written at most this often, to keep reads cheap. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    /** Sessions a node keeps for an outage; the least recently used beyond it are forgotten. */
    public static final int DEFAULT_LOCAL_SESSIONS = 10_000;

    private final MongoCollection<Document> sessions;
    private final UserAccounts accounts;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final LocalSessions local;

    public Sessions(MongoStore store, UserAccounts accounts, Clock clock) {
        this(store, accounts, clock, DEFAULT_LOCAL_SESSIONS);
    }

    public Sessions(MongoStore store, UserAccounts accounts, Clock clock, int localCapacity) {
        this.sessions = store.database().getCollection("sessions");
        this.accounts = accounts;
        this.clock = clock;
        this.local = new LocalSessions(localCapacity);
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
        local.put(digest(token), new LocalSessions.Seen(principal, csrf, expires, now));
        return new Started(token, csrf, expires);
    }

    public Optional<Live> find(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        String id = digest(token);
        try {
            return findStored(id);
        } catch (RuntimeException e) {
            if (!MongoOutage.isOutage(e)) {
                throw e;
            }
            return findLocal(id, true);
        }
    }

    private Optional<Live> findStored(String id) {
        if (local.isEnded(id)) {
            sessions.deleteOne(Filters.eq("_id", id));
            local.endStored(id);
            return Optional.empty();
        }
        Document session = sessions.find(Filters.eq("_id", id)).first();
        if (session == null) {
            local.remove(id);
            return Optional.empty();
        }
        Instant now = clock.instant();
        // a use seen here during an outage counts too, so an outage does not idle staff out when MongoDB returns
        Instant lastSeen = later(session.getDate("lastSeenAt").toInstant(), local.get(id).map(LocalSessions.Seen::lastSeen));
        Instant expiresAt = session.getDate("expiresAt").toInstant();
        if (now.isAfter(expiresAt) || now.isAfter(lastSeen.plus(IDLE_TIMEOUT))) {
            sessions.deleteOne(Filters.eq("_id", id));
            local.remove(id);
            return Optional.empty();
        }
        if (now.isAfter(lastSeen.plus(TOUCH_EVERY)) || lastSeen.isAfter(session.getDate("lastSeenAt").toInstant())) {
            sessions.updateOne(Filters.eq("_id", id), Updates.set("lastSeenAt", Date.from(now)));
        }
        // Roles are read fresh from the account, so a role change takes effect on the next request.
        Optional<Live> live = accounts.byId(session.getString("userId"))
                .map(p -> new Live(p, session.getString("csrf"), id));
        live.ifPresentOrElse(l -> local.put(id, new LocalSessions.Seen(l.principal(), l.csrfToken(), expiresAt, now)),
                () -> local.remove(id));
        return live;
    }

    /** The session as this node last saw it, under the same timeouts; {@code use} counts this as activity. */
    private Optional<Live> findLocal(String id, boolean use) {
        Optional<LocalSessions.Seen> entry = local.get(id);
        Instant now = clock.instant();
        if (entry.isEmpty() || local.isEnded(id) || now.isAfter(entry.get().expiresAt())
                || now.isAfter(entry.get().lastSeen().plus(IDLE_TIMEOUT))) {
            return Optional.empty();
        }
        if (use) {
            local.touch(id, now);
        }
        return Optional.of(new Live(entry.get().principal(), entry.get().csrf(), id));
    }

    private static Instant later(Instant stored, Optional<Instant> seenHere) {
        return seenHere.filter(stored::isBefore).orElse(stored);
    }

    /**
     * Whether the session of {@code token} is still open, without counting this check as use (a long-lived
     * stream asking must not keep an idle session alive).
     */
    public boolean isLive(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return false;
        }
        String id = digest(token);
        Document session;
        try {
            session = sessions.find(Filters.eq("_id", id)).first();
        } catch (RuntimeException e) {
            if (!MongoOutage.isOutage(e)) {
                throw e;
            }
            return findLocal(id, false).isPresent();
        }
        if (session == null || local.isEnded(id)) {
            return false;
        }
        Instant now = clock.instant();
        Instant lastSeen = later(session.getDate("lastSeenAt").toInstant(), local.get(id).map(LocalSessions.Seen::lastSeen));
        return !now.isAfter(session.getDate("expiresAt").toInstant()) && !now.isAfter(lastSeen.plus(IDLE_TIMEOUT));
    }

    /** Ends the session here at once, and in MongoDB now or, during an outage, when it answers again. */
    public void end(String token) {
        if (token == null) {
            return;
        }
        String id = digest(token);
        local.remove(id);
        try {
            sessions.deleteOne(Filters.eq("_id", id));
        } catch (RuntimeException e) {
            if (!MongoOutage.isOutage(e)) {
                throw e;
            }
            local.endedWhileDown(id);
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
