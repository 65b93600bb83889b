package org.hotline.core.testsupport;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotline.core.HotlineConfig;
import org.hotline.core.auth.PasswordHasher;
import org.hotline.core.auth.Role;
import org.hotline.core.auth.UserAccounts;
import org.hotline.core.storage.MongoStore;

/**
 * Staff accounts for tests against a running node (in this JVM or its own process): creates the account in
 * the node's MongoDB the way {@code ./hotline admin create-user} does, then signs in over HTTP.
 */
public final class Staff {

    public static final String PASSWORD = "correct horse battery staple";

    private Staff() {}

    /** A signed-in session: bearer token and CSRF token. */
    public record Session(String username, String token, String csrfToken, String userId) {

        /** The {@code Authorization} header value. */
        public String bearer() {
            return "Bearer " + token;
        }
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
        UserAccounts accounts = new UserAccounts(store, new PasswordHasher(1_000), event -> { }, Clock.systemUTC());
        accounts.ensureIndexes();
        accounts.create(username, PASSWORD.toCharArray(), roles, agency, "test");
        store.flush();
    }

    /** Signs in over HTTP at {@code 127.0.0.1:httpPort}; fails unless the sign-in succeeds. */
    public static Session signIn(int httpPort, String username) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + httpPort + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", username)
                        .put("password", PASSWORD).encode())).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + response.statusCode() + " "
                    + response.body());
        }
        JsonObject body = new JsonObject(response.body());
        return new Session(username, body.getString("token"), body.getString("csrfToken"), body.getString("userId"));
    }
}
