package org.hotline.core.testsupport;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;
import org.hotline.core.node.HotlineConfig;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.auth.PasswordHasher;
import org.hotline.core.auth.Role;
import org.hotline.core.auth.SecondFactor;
import org.hotline.core.auth.Totp;
import org.hotline.core.auth.UserAccounts;
import org.hotline.core.security.ServerKey;
import org.hotline.core.storage.MongoStore;

/**
 * Staff accounts for tests against a running node (in this JVM or its own process): creates the account in
 * the node's MongoDB the way {@code ./hotline admin create-user} does, then signs in over HTTP as a person with
 * an authenticator app would: an account that must have a second factor enrols at its first sign-in (the secret
 * the node shows once is kept here, per node port and username) and every sign-in sends the code of a time step
 * not used before ({@link #codeFor}), as the node refuses a step twice.
 */
public final class Staff {

    public static final String PASSWORD = "correct horse battery staple";
    /** Secret and last used time step per {@code port/username}. */
    private static final Map<String, Factor> FACTORS = new ConcurrentHashMap<>();

    private Staff() {}

    /** A signed-in session: bearer token and CSRF token. */
    public record Session(String username, String token, String csrfToken, String userId) {

        /** The {@code Authorization} header value. */
        public String bearer() {
            return "Bearer " + token;
        }
    }

    /** A TOTP secret an account enrolled, and the last time step a code of it was sent. */
    public record Factor(String secret, long lastStep) {}

    /**
     * Accounts over {@code store} as a node has them (default second-factor roles), with {@code audit}. The server
     * key is a fresh one: secrets enrolled through these accounts are for this instance only.
     */
    public static UserAccounts accounts(MongoStore store, AuditLog audit) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        ServerKey serverKey = ServerKey.load(Optional.of(Base64.getEncoder().encodeToString(key)), java.nio.file.Path.of("."));
        return new UserAccounts(store, new PasswordHasher(1_000), audit, Clock.systemUTC(),
                new SecondFactor(store, serverKey, SecondFactor.DEFAULT_REQUIRED_ROLES, Clock.systemUTC()));
    }

    /** Creates {@code username} with {@code roles} in the database of the node configured by {@code env}. */
    public static void create(Map<String, String> env, String username, Set<Role> roles, Optional<String> agency) {
        HotlineConfig config = HotlineConfig.fromEnv(env);
        try (MongoStore store = MongoStore.forTools(config.mongoUri(), config.dataDir().resolve("mongo"),
                config.mongoDatabase())) {
            create(store, username, roles, agency);
        }
    }

    /** Creates {@code username} with {@code roles} through {@code store} (e.g. an in-process node's). */
    public static void create(MongoStore store, String username, Set<Role> roles, Optional<String> agency) {
        UserAccounts accounts = accounts(store, event -> { });
        accounts.ensureIndexes();
        accounts.create(username, PASSWORD.toCharArray(), roles, agency, "test");
        store.flush();
    }

    /** Signs in with {@link #PASSWORD} over HTTP at {@code 127.0.0.1:httpPort}; fails unless the sign-in succeeds. */
    public static Session signIn(int httpPort, String username) throws Exception {
        return signIn(httpPort, username, PASSWORD);
    }

    /** Signs in over HTTP, enrolling a second factor when the node asks for one; fails unless signed in. */
    public static Session signIn(int httpPort, String username, String password) throws Exception {
        String id = httpPort + "/" + username;
        JsonObject body = login(httpPort, username, password, FACTORS.containsKey(id) ? codeFor(id) : null);
        if ("enrolment_required".equals(body.getString("status"))) {
            FACTORS.put(id, new Factor(body.getString("secret"), -1));
            body = login(httpPort, username, password, codeFor(id));
        }
        if (body.getString("token") == null) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + body.encode());
        }
        return new Session(username, body.getString("token"), body.getString("csrfToken"), body.getString("userId"));
    }

    /** The secret {@code username} enrolled on the node at {@code httpPort}, if it did through this class. */
    public static Optional<Factor> factor(int httpPort, String username) {
        return Optional.ofNullable(FACTORS.get(httpPort + "/" + username));
    }

    /** Every known factor as JSON {@code {"port/username": {"secret", "lastStep"}}} (for the browser scripts). */
    public static String factorsJson() {
        JsonObject all = new JsonObject();
        FACTORS.forEach((id, f) -> all.put(id, new JsonObject().put("secret", f.secret()).put("lastStep", f.lastStep())));
        return all.encode();
    }

    /** Records a factor a browser script enrolled or used, so the next code here uses a later step. */
    public static void used(int httpPort, String username, String secret, long step) {
        FACTORS.merge(httpPort + "/" + username, new Factor(secret, step),
                (old, now) -> old.secret().equals(secret) ? new Factor(secret, Math.max(old.lastStep(), step)) : now);
    }

    /**
     * The code of the earliest time step not yet used, from the current one on (the node accepts the current step,
     * the one before and the one after); when both are used, waits for the next step.
     */
    public static synchronized String codeFor(String portAndUsername) {
        Factor factor = FACTORS.get(portAndUsername);
        long step = Math.max(Totp.step(Instant.now()), factor.lastStep() + 1);
        Awaitility.await().atMost(Duration.ofSeconds(Totp.STEP_SECONDS + 5)).pollInterval(Duration.ofMillis(200))
                .until(() -> Totp.step(Instant.now()) + 1 >= step);
        FACTORS.put(portAndUsername, new Factor(factor.secret(), step));
        return Totp.code(factor.secret(), step);
    }

    private static JsonObject login(int httpPort, String username, String password, String code) throws Exception {
        JsonObject request = new JsonObject().put("username", username).put("password", password);
        if (code != null) {
            request.put("code", code);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + httpPort + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.encode())).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + response.statusCode() + " "
                    + response.body());
        }
        return new JsonObject(response.body());
    }
}
