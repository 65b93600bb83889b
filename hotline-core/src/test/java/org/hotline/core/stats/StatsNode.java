package org.hotline.core.stats;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;
import org.hotline.core.auth.Role;
import org.hotline.core.auth.UserAccounts;
import org.hotline.core.e2e.TestNode;
import org.hotline.core.testsupport.RecordingAgency;

/** A whole hotline node in-process, with a supervisor and an operator account, for the statistics ITs. */
final class StatsNode implements AutoCloseable {

    static final String PASSWORD = "correct horse battery staple";

    private final Vertx vertx;
    private final RecordingAgency agencies;
    final Hotline hotline;
    final StatsData data;
    final String supervisorId;
    private final HttpClient http = HttpClient.newHttpClient();

    StatsNode(Path dir, Map<String, String> extraEnv) {
        vertx = Vertx.vertx();
        agencies = RecordingAgency.start(vertx);
        Map<String, String> env = TestNode.env(dir, agencies);
        env.put("HOTLINE_PASSWORD_ITERATIONS", "1000");
        env.putAll(extraEnv);
        hotline = Hotline.start(HotlineConfig.fromEnv(env), env, Clock.systemUTC());
        data = new StatsData(hotline.mongo().database());
        UserAccounts accounts = org.hotline.core.testsupport.Staff.accounts(hotline.mongo(), event -> { });
        supervisorId = accounts.create("sam.supervisor", PASSWORD.toCharArray(), Set.of(Role.SUPERVISOR),
                Optional.empty(), "test");
        accounts.create("ana.operator", PASSWORD.toCharArray(), Set.of(Role.OPERATOR), Optional.empty(), "test");
    }

    String baseUrl() {
        return "http://127.0.0.1:" + hotline.httpPort();
    }

    /** Signs in over HTTP and returns the bearer token. */
    String login(String username) throws IOException, InterruptedException {
        try {
            return org.hotline.core.testsupport.Staff.signIn(hotline.httpPort(), username, PASSWORD).token();
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** GET with the bearer token, or without one when {@code token} is null. */
    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        hotline.close();
        agencies.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
