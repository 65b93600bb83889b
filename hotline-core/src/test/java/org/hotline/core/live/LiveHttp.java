package org.hotline.core.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real HTTP client for the live API: sign-in, plain requests, and an SSE stream read line by line. */
final class LiveHttp {

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    LiveHttp(int port) {
        this.port = port;
    }

    /** Signs in over {@code POST /api/auth/login} (with a second factor where needed) and returns the bearer token. */
    String login(String username, String password) throws Exception {
        return org.hotline.core.testsupport.Staff.signIn(port, username, password).token();
    }

    /** An open event stream: the lines so far, and a future completed when the server ends the stream. */
    record Stream(List<String> lines, java.util.concurrent.CompletableFuture<Void> ended) {}

    /** Opens {@code /api/live/events} and collects its lines on a thread of its own until the server closes. */
    List<String> openStream(String token) throws Exception {
        return open(token).lines();
    }

    /** Like {@link #openStream}, also telling when the server ends the stream. */
    Stream open(String token) throws Exception {
        HttpResponse<java.util.stream.Stream<String>> response = http.send(HttpRequest.newBuilder(uri("/api/live/events"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("text/event-stream"));
        List<String> lines = new CopyOnWriteArrayList<>();
        java.util.concurrent.CompletableFuture<Void> ended = new java.util.concurrent.CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (java.util.stream.Stream<String> body = response.body()) {
                body.forEach(lines::add);
                ended.complete(null);
            } catch (RuntimeException e) {
                // the server went away at the end of the test
                ended.completeExceptionally(e);
            }
        });
        return new Stream(lines, ended);
    }

    /** The JSON of the {@code data:} line that follows the first {@code eventLine}. */
    static JsonObject dataAfter(List<String> lines, String eventLine) {
        int at = lines.indexOf(eventLine);
        await().atMost(Duration.ofSeconds(20)).until(() -> lines.size() > at + 1);
        return new JsonObject(lines.get(at + 1).substring("data: ".length()));
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs out the session of {@code token}. */
    HttpResponse<String> logout(String token) throws Exception {
        return post("/api/auth/logout", token, "");
    }

    HttpResponse<String> post(String path, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
