package org.hotline.core.related;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.auth.AuthRoutes;
import org.hotline.core.auth.Role;
import org.hotline.core.auth.Sessions;
import org.hotline.core.auth.UserAccounts;
import org.hotline.core.auth.internal.SessionAccess;
import org.hotline.core.crypto.TipCipher;
import org.hotline.core.http.Health;
import org.hotline.core.http.HttpApi;
import org.hotline.core.related.internal.MongoTipLinks;
import org.hotline.core.storage.MongoStore;
import org.hotline.core.testsupport.Staff;
import org.hotline.core.tip.TipQueries;
import org.hotline.core.tip.internal.MongoTipRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Related reports over real HTTP with real sign-in, tips stored sealed in the embedded MongoDB: suggestions per
 * attribute (never a value shown or audited), links kept in {@code tip_links}, supervisors only.
 */
class RelatedReportsIT {

    private static final String ASKED = "100000001";
    private static final List<String> VALUES = List.of("Ganta", "ganta", "Kofi", "tall", "Bong", "Rubber", "0770");

    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<AuditEvent> audited = new CopyOnWriteArrayList<>();
    private MongoStore mongo;
    private TipCipher cipher;
    private int port;
    private String sia;
    private String siaId;

    @BeforeEach
    void start() throws Exception {
        mongo = MongoStore.embedded(dir.resolve("mongo"), 0, "hotline", Duration.ofSeconds(3));
        cipher = TipCipher.open(Map.of(), dir);
        MongoTipRepository tips = new MongoTipRepository(mongo, cipher);
        AuditLog audit = audited::add;
        UserAccounts accounts = Staff.accounts(mongo, audit);
        accounts.ensureIndexes();
        Sessions sessions = new Sessions(mongo, accounts, Clock.systemUTC());
        RelatedRoutes related = new RelatedRoutes(vertx, new RelatedReports(tips, new MongoTipLinks(mongo), audit,
                Clock.systemUTC()));
        HttpApi.Deps deps = new HttpApi.Deps(new TipQueries(tips), () -> new Health(true, true, 0, true, 0), 8192,
                new SessionAccess(vertx, sessions, audit, Duration.ofMillis(200)),
                List.of(new AuthRoutes(vertx, accounts, sessions, false, Clock.systemUTC()), related));
        port = HttpApi.start(vertx, deps, "127.0.0.1", 0).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS).actualPort();
        Staff.create(mongo, "sia.supervisor", Set.of(Role.SUPERVISOR), Optional.empty());
        Staff.create(mongo, "olu.operator", Set.of(Role.OPERATOR), Optional.empty());
        Staff.create(mongo, "aki.agency", Set.of(Role.AGENCY_USER), Optional.of("nattf"));
        Staff.Session session = Staff.signIn(port, "sia.supervisor");
        sia = session.bearer();
        siaId = session.userId();
        // the report asked about, and one report sharing each attribute with it in another spelling
        tip(ASKED, 10, Map.of("location", "Kofi's farm, Ganta", "perpetrator", "Tall man, red cap",
                "employer", "Bong Rubber Ltd", "region", "NO"), "hash-a");
        tip("100000002", 9, Map.of("location", "GANTA  kofis farm", "region", "SO"), "hash-b");
        tip("100000003", 8, Map.of("perpetrator", "red cap tall man", "employer", "Other Ltd"), null);
        tip("100000004", 7, Map.of("employer", "bong rubber ltd.", "location", "Monrovia"), "hash-d");
        tip("100000005", 6, Map.of("region", "NO"), "hash-a");
        tip("100000006", 5, Map.of("location", "Gbarnga", "perpetrator", "short woman", "employer", "Farm Co",
                "region", "NO", "exploitationType", "forced_labour"), "hash-f");
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        mongo.close();
    }

    @Test
    void shouldSuggestReportsSharingEachAttributeSayingWhichButNeverTheValue() throws Exception {
        // when
        HttpResponse<String> answer = send("GET", "/api/supervisor/related/" + ASKED, sia);
        // then: newest first
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(matched(new JsonObject(answer.body()))).containsExactly(
                Map.entry("100000005", List.of("callerNumber")), Map.entry("100000004", List.of("employer")),
                Map.entry("100000003", List.of("perpetrator")), Map.entry("100000002", List.of("location")));
        assertThat(answer.body()).doesNotContain(VALUES).doesNotContain("hash-a");
        assertThat(audited).filteredOn(e -> e.action().equals("related.read")).singleElement().satisfies(e -> {
            assertThat(e.target()).isEqualTo(ASKED);
            assertThat(e.details()).containsEntry("suggested", "4");
        });
    }

    @Test
    void shouldSuggestNothingForAReportSharingNothing() throws Exception {
        // when: the report with its own place, people, employer and number (same region and type do not count)
        HttpResponse<String> answer = send("GET", "/api/supervisor/related/100000006", sia);
        HttpResponse<String> unknown = send("GET", "/api/supervisor/related/999999999", sia);
        // then
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(answer.body()).getJsonArray("related")).isEmpty();
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void shouldLinkAndUnlinkIdempotentlyAndAuditEveryRequest() throws Exception {
        // when: linked twice, either way round
        HttpResponse<String> first = send("PUT", "/api/supervisor/related/" + ASKED + "/links/100000006", sia);
        HttpResponse<String> again = send("PUT", "/api/supervisor/related/100000006/links/" + ASKED, sia);
        // then: one link, seen from both reports, with nothing matched
        assertThat(new JsonObject(first.body()).getMap()).containsEntry("linked", true).containsEntry("changed", true);
        assertThat(new JsonObject(again.body()).getMap()).containsEntry("linked", true).containsEntry("changed", false);
        assertThat(mongo.database().getCollection("tip_links").countDocuments()).isEqualTo(1);
        JsonObject fromOther = new JsonObject(send("GET", "/api/supervisor/related/100000006", sia).body());
        assertThat(fromOther.getJsonArray("related").getJsonObject(0).getMap()).containsEntry("reference", ASKED)
                .containsEntry("linked", true);
        assertThat(matched(fromOther)).containsExactly(Map.entry(ASKED, List.of()));
        assertThat(new JsonObject(send("GET", "/api/supervisor/related/" + ASKED, sia).body()).getJsonArray("related")
                .stream().map(JsonObject.class::cast).filter(r -> r.getBoolean("linked")).map(r -> r.getString("reference")))
                .containsExactly("100000006");

        // when: unlinked twice
        HttpResponse<String> unlinked = send("DELETE", "/api/supervisor/related/100000006/links/" + ASKED, sia);
        HttpResponse<String> unlinkedAgain = send("DELETE", "/api/supervisor/related/" + ASKED + "/links/100000006", sia);
        // then
        assertThat(new JsonObject(unlinked.body()).getMap()).containsEntry("linked", false).containsEntry("changed", true);
        assertThat(new JsonObject(unlinkedAgain.body()).getMap()).containsEntry("changed", false);
        assertThat(mongo.database().getCollection("tip_links").countDocuments()).isZero();
        List<AuditEvent> changes = audited.stream().filter(e -> e.action().matches("related\\.(un)?link")).toList();
        assertThat(changes).extracting(AuditEvent::action)
                .containsExactly("related.link", "related.link", "related.unlink", "related.unlink");
        assertThat(changes).extracting(e -> e.details().get("changed")).containsExactly("true", "false", "true", "false");
        assertThat(changes).extracting(AuditEvent::actor).containsOnly(siaId);
        assertThat(audited.toString()).doesNotContain(VALUES);
    }

    @Test
    void shouldRejectALinkToItselfOrToAnUnknownReportAndKeepNothing() throws Exception {
        // when
        HttpResponse<String> itself = send("PUT", "/api/supervisor/related/" + ASKED + "/links/" + ASKED, sia);
        HttpResponse<String> unknown = send("PUT", "/api/supervisor/related/" + ASKED + "/links/999999999", sia);
        HttpResponse<String> malformed = send("PUT", "/api/supervisor/related/" + ASKED + "/links/a%20b", sia);
        // then
        assertThat(itself.statusCode()).isEqualTo(400);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(mongo.database().getCollection("tip_links").countDocuments()).isZero();
        assertThat(audited).noneMatch(e -> e.action().startsWith("related."));
    }

    @Test
    void shouldRefuseOperatorsAndAgencyUsers() throws Exception {
        for (String user : List.of("olu.operator", "aki.agency")) {
            String token = Staff.signIn(port, user).bearer();
            // when / then
            assertThat(send("GET", "/api/supervisor/related/" + ASKED, token).statusCode()).as(user).isEqualTo(403);
            assertThat(send("PUT", "/api/supervisor/related/" + ASKED + "/links/100000006", token).statusCode())
                    .as(user).isEqualTo(403);
            assertThat(send("DELETE", "/api/supervisor/related/" + ASKED + "/links/100000006", token).statusCode())
                    .as(user).isEqualTo(403);
        }
        assertThat(mongo.database().getCollection("tip_links").countDocuments()).isZero();
        assertThat(audited).noneMatch(e -> e.action().startsWith("related."));
    }

    /** Each related report's reference and matched attributes, in the order given. */
    private static List<Map.Entry<String, List<String>>> matched(JsonObject answer) {
        JsonArray related = answer.getJsonArray("related");
        return related.stream().map(JsonObject.class::cast)
                .map(r -> Map.entry(r.getString("reference"), r.getJsonArray("matched").stream().map(String::valueOf).toList())).toList();
    }

    /** Stores a sealed tip received {@code minutesAgo}, as intake stores one. */
    private void tip(String reference, int minutesAgo, Map<String, Object> fields, String callerHash) {
        Document doc = new Document("_id", "tip-" + reference).append("reference", reference)
                .append("receivedAt", Date.from(Instant.now().minusSeconds(60L * minutesAgo))).append("source", "ivr")
                .append("outcome", "COMPLETED").append("fields", new Document(fields)).append("consents", new Document())
                .append("routed", true);
        if (callerHash != null) {
            doc.append("callerHash", callerHash);
        }
        mongo.database().getCollection("tips").insertOne(cipher.seal(doc));
    }

    private HttpResponse<String> send(String method, String path, String bearer) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).header("Authorization", bearer)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
