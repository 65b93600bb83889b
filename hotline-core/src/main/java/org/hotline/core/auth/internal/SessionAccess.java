package org.hotline.core.auth.internal;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.auth.Access;
import org.hotline.core.auth.Role;
import org.hotline.core.auth.Sessions;
import org.hotline.core.http.ApiException;

/**
 * {@link Access} backed by {@link Sessions}. A request authenticates with {@code Authorization: Bearer <token>}
 * or the {@value #COOKIE} cookie; with the cookie, state-changing requests must also carry the session's CSRF
 * token in {@value #CSRF_HEADER} (a cross-site form cannot set that header). Denials are audited.
 */
public final class SessionAccess implements Access {

    public static final String COOKIE = "hotline_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** Context key of the session token the request authenticated with (for sign-out). */
    public static final String TOKEN = "hotline.token";
    /** Context key of the id of the session the request authenticated with. */
    public static final String SESSION_ID = "hotline.session";
    /** Event-bus address on which a sign-out publishes the ended session's id (never its token). */
    public static final String SESSION_ENDED = "hotline.session.ended";
    /** How often a watched session is checked for expiry or removal by another node. */
    public static final Duration DEFAULT_WATCH_EVERY = Duration.ofSeconds(10);
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final Vertx vertx;
    private final Sessions sessions;
    private final AuditLog audit;

    private final Duration watchEvery;

    public SessionAccess(Vertx vertx, Sessions sessions, AuditLog audit) {
        this(vertx, sessions, audit, DEFAULT_WATCH_EVERY);
    }

    public SessionAccess(Vertx vertx, Sessions sessions, AuditLog audit, Duration watchEvery) {
        this.vertx = vertx;
        this.sessions = sessions;
        this.audit = audit;
        this.watchEvery = watchEvery;
    }

    @Override
    public Runnable watchSession(RoutingContext ctx, Runnable onEnd) {
        String token = ctx.get(TOKEN);
        String sessionId = ctx.get(SESSION_ID);
        if (token == null || sessionId == null) {
            throw new IllegalStateException("watchSession needs access.require(...) before it");
        }
        return SessionWatch.start(vertx, sessions, token, sessionId, watchEvery, onEnd);
    }

    @Override
    public Handler<RoutingContext> require(Role... roles) {
        Set<Role> allowed = roles.length == 0 ? EnumSet.allOf(Role.class) : EnumSet.copyOf(Arrays.asList(roles));
        return ctx -> authenticate(ctx, allowed);
    }

    private void authenticate(RoutingContext ctx, Set<Role> allowed) {
        Optional<String> bearer = bearer(ctx);
        Cookie cookie = ctx.request().getCookie(COOKIE);
        String token = bearer.orElse(cookie == null ? null : cookie.getValue());
        if (token == null) {
            ctx.fail(new ApiException(401, "not_signed_in", "Sign in first."));
            return;
        }
        vertx.executeBlocking(() -> sessions.find(token)).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(new ApiException(503, "storage_unavailable", "Sessions cannot be checked right now."));
                return;
            }
            if (ar.result().isEmpty()) {
                ctx.fail(new ApiException(401, "session_expired", "Your session has ended; sign in again."));
                return;
            }
            Sessions.Live live = ar.result().get();
            if (bearer.isEmpty() && !SAFE.contains(ctx.request().method()) && !csrfMatches(ctx, live.csrfToken())) {
                deny(ctx, live, "csrf");
                return;
            }
            if (live.principal().roles().stream().noneMatch(allowed::contains)) {
                deny(ctx, live, "role");
                return;
            }
            ctx.put(PRINCIPAL, live.principal());
            ctx.put(TOKEN, token);
            ctx.put(SESSION_ID, live.sessionId());
            ctx.next();
        });
    }

    private void deny(RoutingContext ctx, Sessions.Live live, String reason) {
        String target = ctx.request().method() + " " + ctx.normalizedPath();
        vertx.executeBlocking(() -> {
            audit.record(new AuditEvent(live.principal().userId(), "access.denied", target, Map.of("reason", reason)));
            return null;
        });
        ctx.fail(new ApiException(403, "forbidden", "csrf".equals(reason)
                ? "This request needs the CSRF token of your session." : "Your role does not allow this."));
    }

    private static Optional<String> bearer(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(header.substring(7).trim());
        }
        return Optional.empty();
    }

    private static boolean csrfMatches(RoutingContext ctx, String expected) {
        String given = ctx.request().getHeader(CSRF_HEADER);
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }
}
