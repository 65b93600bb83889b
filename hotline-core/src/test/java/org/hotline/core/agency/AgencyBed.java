package org.hotline.core.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;
import org.hotline.core.auth.Role;
import org.hotline.core.e2e.TestNode;
import org.hotline.core.referral.AnswerLinks;
import org.hotline.core.testsupport.RecordingAgency;
import org.hotline.core.testsupport.Staff;

/**
 * A real node in this JVM for the agency tests: agencies' webhooks answered by a recording HTTP server, answer
 * links and SMS replies enabled, an operator who files tips through the intake API, and agency users of
 * {@code mol-labour}, {@code sl-counterpart} and {@code lnp-ahtu} signed in over HTTP.
 */
final class AgencyBed implements AutoCloseable {

    static final String LINK_KEY = "an answer-link key for the agency tests, 32+ bytes";
    static final String SMS_KEY = "sms-gateway-shared-secret";
    static final String AHTU_SMS = "+231770000101";
    /** Kannel's sms-service key: agencies' answers may also come through the gateway victims text. */
    static final String KANNEL_KEY = "agency-bed-kannel-inbound-key";

    /**
     * Every value the tip of {@link #fullTip()} carries, by the canonical field name the referral payloads
     * use; text values are distinctive, so finding one in a response means the field leaked.
     */
    static final Map<String, String> TIP_VALUES = tipValues();

    final Vertx vertx = Vertx.vertx();
    final RecordingAgency agencies;
    final Hotline node;
    final Staff.Session operator;
    final Staff.Session labour;
    final Staff.Session counterpart;
    final Staff.Session police;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    AgencyBed(Path dir) throws Exception {
        agencies = RecordingAgency.start(vertx);
        Map<String, String> env = new HashMap<>(TestNode.env(dir, agencies));
        env.put(AnswerLinks.KEY_REF, LINK_KEY);
        env.put(SmsReplyRoutes.KEY_REF, SMS_KEY);
        env.put("HOTLINE_KANNEL_INBOUND_KEY", KANNEL_KEY);
        env.put("HOTLINE_KANNEL_PASSWORD", "agency-bed-sendsms");
        env.put("HOTLINE_KANNEL_FROM", "1234");
        // nothing listens there: replies stay queued in the outbox, which the tests read
        env.put("HOTLINE_KANNEL_SENDSMS_URL", "http://127.0.0.1:9/cgi-bin/sendsms");
        node = Hotline.start(HotlineConfig.fromEnv(env), env, Clock.systemUTC());
        Staff.create(node.mongo(), "olu.operator", Set.of(Role.OPERATOR), Optional.empty());
        Staff.create(node.mongo(), "lara.labour", Set.of(Role.AGENCY_USER), Optional.of("mol-labour"));
        Staff.create(node.mongo(), "sam.counterpart", Set.of(Role.AGENCY_USER), Optional.of("sl-counterpart"));
        Staff.create(node.mongo(), "pat.police", Set.of(Role.AGENCY_USER), Optional.of("lnp-ahtu"));
        operator = Staff.signIn(node.httpPort(), "olu.operator");
        labour = Staff.signIn(node.httpPort(), "lara.labour");
        counterpart = Staff.signIn(node.httpPort(), "sam.counterpart");
        police = Staff.signIn(node.httpPort(), "pat.police");
    }

    /**
     * A tip with every field of the intake form set: forced labour in MO, a person in danger now, crossing a
     * border, Sierra Leonean victims (so it goes to the labour inspectorate, the police trafficking unit,
     * immigration and the Sierra Leone counterpart, each with its own profile).
     */
    static JsonObject fullTip() {
        return new JsonObject()
                .put("language", "en").put("callerRole", "witness").put("exploitationType", "forced_labour")
                .put("region", "MO").put("location", TIP_VALUES.get("location"))
                .put("childInvolved", false).put("immediateDanger", true).put("crossBorder", true)
                .put("victims", new JsonObject().put("count", 12).put("ageGroup", "adult_18_25").put("gender", "male")
                        .put("nationality", "SL"))
                .put("employer", TIP_VALUES.get("employer")).put("sector", TIP_VALUES.get("sector"))
                .put("perpetrator", TIP_VALUES.get("perpetrator")).put("recruitment", "job_offer")
                .put("controlMethods", new JsonArray().add("debt_bondage").add("withheld_documents"))
                .put("needs", new JsonObject().put("shelter", true).put("medical", true).put("legal", true)
                        .put("repatriation", true))
                .put("narrative", TIP_VALUES.get("narrative"))
                .put("callerName", TIP_VALUES.get("callerName")).put("callerPhone", "+231 886 555 123")
                .put("consents", new JsonObject().put("record", false).put("callback", false)
                        .put("share_identity_police", false).put("share_services", true).put("statistics", true));
    }

    private static Map<String, String> tipValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("location", "rubber camp behind the old mill");
        values.put("employer", "Kpatawee Rubber Farm");
        values.put("sector", "agriculture");
        values.put("perpetrator", "a foreman called Big Moses");
        values.put("narrative", "workers are not paid and cannot leave");
        values.put("callerName", "Comfort Quaye");
        values.put("callerRole", "witness");
        values.put("victimAgeGroup", "adult_18_25");
        values.put("recruitment", "job_offer");
        values.put("controlMethods", "debt_bondage");
        values.put("exploitationType", "forced_labour");
        for (String name : List.of("language", "region", "childInvolved", "immediateDanger", "crossBorder",
                "victimCount", "victimGender", "victimNationality", "needs", "callerPhone", "receivedAt", "consents")) {
            values.put(name, null);
        }
        return values;
    }

    /** Files {@link #fullTip()} as the operator; returns the tip's id once its referrals exist. */
    String fileTip() throws Exception {
        Response created = post("/api/console/intake", operator, fullTip().encode());
        if (created.status() != 201) {
            throw new IllegalStateException("intake failed: " + created.status() + " " + created.body());
        }
        String reference = created.json().getString("reference");
        String tipId = node.mongo().database().getCollection("tips").find(new Document("reference", reference)).first()
                .getString("_id");
        await().atMost(Duration.ofSeconds(20)).until(() -> referral(tipId + ":mol-labour") != null
                && referral(tipId + ":sl-counterpart") != null && referral(tipId + ":lnp-ahtu") != null);
        return tipId;
    }

    Document referral(String id) {
        return node.mongo().database().getCollection("referrals").find(new Document("_id", id)).first();
    }

    long audited(String action, String target) {
        return node.mongo().database().getCollection("audit_log")
                .countDocuments(new Document("action", action).append("target", target));
    }

    Response get(String path, Staff.Session session) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), session == null ? null : session.bearer());
    }

    Response post(String path, Staff.Session session, String body) throws Exception {
        return post(path, session == null ? null : session.bearer(), body, Map.of());
    }

    Response post(String path, String authorization, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return send(request, authorization);
    }

    private Response send(HttpRequest.Builder request, String authorization) throws Exception {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }

    URI uri(String path) {
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

    /** The body of a 200 answer (the test fails with the body otherwise). */
    static String ok(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
