package org.hotline.core.console;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;
import org.hotline.core.auth.Role;
import org.hotline.core.e2e.Calls;
import org.hotline.core.e2e.TestNode;
import org.hotline.core.testsupport.RecordingAgency;
import org.hotline.core.testsupport.Staff;
import org.hotline.ivr.sim.AsteriskSimulator;
import org.hotline.ivr.sim.CallResult;

/**
 * A real node in this JVM for console tests: agencies as a recording HTTP server, an operator and a supervisor
 * signed in over HTTP, and a small JSON client. Closes everything.
 */
final class ConsoleNode implements AutoCloseable {

    final Vertx vertx = Vertx.vertx();
    final RecordingAgency agencies;
    final Map<String, String> env;
    final Hotline node;
    final Staff.Session operator;
    final Staff.Session supervisor;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ConsoleNode(Path dir) throws Exception {
        agencies = RecordingAgency.start(vertx);
        env = TestNode.env(dir, agencies);
        node = Hotline.start(HotlineConfig.fromEnv(env), env, Clock.systemUTC());
        Staff.create(node.mongo(), "olu.operator", Set.of(Role.OPERATOR), Optional.empty());
        Staff.create(node.mongo(), "sia.supervisor", Set.of(Role.SUPERVISOR), Optional.empty());
        operator = Staff.signIn(node.httpPort(), "olu.operator");
        supervisor = Staff.signIn(node.httpPort(), "sia.supervisor");
    }

    /** Places the shipped flow's forced-labour report (region MO) and answers the reference the caller heard. */
    String ivrReport() throws Exception {
        CallResult call = new AsteriskSimulator("127.0.0.1", node.agiPort()).call("hotline", Calls.forcedLabourReport());
        String reference = call.variables().get("HOTLINE_REFERENCE");
        // The caller hears the reference once the journal holds the tip; MongoDB follows just behind the call.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> tip(reference) != null);
        return reference;
    }

    Document tip(String reference) {
        return node.mongo().database().getCollection("tips").find(new Document("reference", reference)).first();
    }

    Document referral(String id) {
        return node.mongo().database().getCollection("referrals").find(new Document("_id", id)).first();
    }

    Response get(String path, Staff.Session session) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), session);
    }

    Response post(String path, Staff.Session session, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), session);
    }

    private Response send(HttpRequest.Builder request, Staff.Session session) throws Exception {
        if (session != null) {
            request.header("Authorization", session.bearer());
        }
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + node.httpPort() + path);
    }

    /** An HTTP answer; {@link #json()} parses the body. */
    record Response(int status, String body) {
        JsonObject json() {
            return new JsonObject(body);
        }
    }

    @Override
    public void close() throws Exception {
        node.close();
        agencies.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
