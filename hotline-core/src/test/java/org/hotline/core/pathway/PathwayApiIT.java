package org.hotline.core.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.core.pathway.LifecycleBed.NATIONAL;
import static org.hotline.core.pathway.LifecycleBed.NATIONAL_V2;
import static org.hotline.core.pathway.LifecycleBed.read;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.hotline.core.auth.AuthRoutes;
import org.hotline.core.auth.Role;
import org.hotline.core.auth.Sessions;
import org.hotline.core.auth.UserAccounts;
import org.hotline.core.auth.internal.SessionAccess;
import org.hotline.core.crypto.TipCipher;
import org.hotline.core.e2e.TestFiles;
import org.hotline.core.http.Health;
import org.hotline.core.http.HttpApi;
import org.hotline.core.tip.TipQueries;
import org.hotline.pathway.LoadResult;
import org.hotline.pathway.Pathway;
import org.hotline.pathway.PathwayDiff;
import org.hotline.pathway.PathwayLoader;
import org.hotline.pathway.PathwaySimulator;
import org.hotline.pathway.SampleTips;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pathway lifecycle through the HTTP API, with people signed in over HTTP (bearer tokens), two nodes
 * sharing one MongoDB (this one serving the API, a second one only polling) and a clock the test moves.
 */
class PathwayApiIT {

    private static final String PASSWORD = "a long enough password";
    private static final Path SAMPLE_TIPS = LifecycleBed.REPO.resolve("pathway-config/examples/sample-tips.yaml");

    @TempDir
    Path dir;

    private LifecycleBed bed;
    private Vertx vertx;
    private WebClient client;
    private int port;
    private ActivePathway nodeA;
    private ActivePathway nodeB;
    private PathwaySync syncA;
    private PathwaySync syncB;
    private String alice;
    private String bob;
    private String auditor;
    private String operator;

    @BeforeEach
    void start() throws Exception {
        bed = new LifecycleBed(dir.resolve("mongo"));
        vertx = Vertx.vertx();
        PathwayLifecycle lifecycle = bed.lifecycle();
        nodeA = ActivePathway.fromFile(NATIONAL, TestFiles.LOCAL_AGENCIES);
        nodeB = ActivePathway.fromFile(NATIONAL, TestFiles.LOCAL_AGENCIES);
        syncA = bed.sync(lifecycle, nodeA);
        syncB = bed.sync(bed.lifecycle(bed.secondConnection(), Map.of()), nodeB);
        syncA.syncOnce();
        syncB.syncOnce();

        UserAccounts accounts = org.hotline.core.testsupport.Staff.accounts(bed.mongo, bed.audit(bed.mongo));
        accounts.ensureIndexes();
        Sessions sessions = new Sessions(bed.mongo, accounts, Clock.systemUTC());
        HttpApi.Deps deps = new HttpApi.Deps(new TipQueries(new org.hotline.core.tip.internal.MongoTipRepository(bed.mongo, TipCipher.open(Map.of(), dir))),
                () -> new Health(true, true, 0, true, 0), 1024 * 1024, new SessionAccess(vertx, sessions, bed.audit(bed.mongo)),
                List.of(new AuthRoutes(vertx, accounts, sessions, false, Clock.systemUTC()), new PathwayApi(lifecycle, id -> accounts.byId(id).map(org.hotline.core.auth.Principal::username))));
        port = HttpApi.start(vertx, deps, "127.0.0.1", 0).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS).actualPort();
        client = WebClient.create(vertx);
        accounts.create("alice", PASSWORD.toCharArray(), Set.of(Role.MINISTRY_ADMIN), Optional.empty(), "test");
        accounts.create("bob", PASSWORD.toCharArray(), Set.of(Role.MINISTRY_ADMIN), Optional.empty(), "test");
        accounts.create("audrey", PASSWORD.toCharArray(), Set.of(Role.AUDITOR), Optional.empty(), "test");
        accounts.create("otto", PASSWORD.toCharArray(), Set.of(Role.OPERATOR), Optional.empty(), "test");
        alice = signIn("alice");
        bob = signIn("bob");
        auditor = signIn("audrey");
        operator = signIn("otto");
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        bed.close();
    }

    @Test
    void shouldEnforceTheTwoPersonRule() throws Exception {
        // given
        String id = upload(alice, read(NATIONAL_V2)).bodyAsJsonObject().getString("id");
        assertThat(call(HttpMethod.POST, "/versions/" + id + "/submit", alice, reason("ready")).statusCode()).isEqualTo(200);

        // when
        HttpResponse<Buffer> self = call(HttpMethod.POST, "/versions/" + id + "/approve", alice, reason("fine"));
        HttpResponse<Buffer> second = call(HttpMethod.POST, "/versions/" + id + "/approve", bob, reason("checked"));

        // then
        assertThat(self.statusCode()).isEqualTo(403);
        assertThat(self.bodyAsJsonObject().getString("code")).isEqualTo("two_person_rule");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.bodyAsJsonObject().getString("state")).isEqualTo("APPROVED");
        assertThat(second.bodyAsJsonObject().getJsonArray("transitions")).hasSize(3);
        // and: the editor can name the drafter and the approver, not only show their ids
        io.vertx.core.json.JsonObject people = call(HttpMethod.GET, "/versions/" + id, bob, null).bodyAsJsonObject()
                .getJsonObject("people");
        assertThat(people.getMap().values()).containsExactlyInAnyOrder("alice", "bob");
        assertThat(people.getString(second.bodyAsJsonObject().getString("createdBy"))).isEqualTo("alice");
        assertThat(call(HttpMethod.GET, "/versions", bob, null).bodyAsJsonObject().getJsonObject("people").getMap())
                .containsValues("alice", "bob");
    }

    @Test
    void shouldActivateAtTheEffectiveTimeOnBothNodesWithoutARestart() throws Exception {
        // given
        String id = approvedV2();
        String effective = LifecycleBed.T0.plus(Duration.ofHours(1)).toString();

        // when
        HttpResponse<Buffer> scheduled = call(HttpMethod.POST, "/versions/" + id + "/activate", bob,
                reason("new shelter in Nimba").put("effectiveAt", effective));
        syncA.syncOnce();
        syncB.syncOnce();
        String beforeA = nodeA.get().version();
        String beforeB = nodeB.get().version();
        bed.clock.advance(Duration.ofHours(1));
        syncA.start(Duration.ofMillis(50));
        syncB.start(Duration.ofMillis(50));

        // then
        assertThat(scheduled.statusCode()).isEqualTo(202);
        assertThat(scheduled.bodyAsJsonObject().getString("effectiveAt")).isEqualTo(effective);
        assertThat(beforeA).isEqualTo("2026.1");
        assertThat(beforeB).isEqualTo("2026.1");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(nodeA.get().version()).isEqualTo("2026.2");
            assertThat(nodeB.get().version()).isEqualTo("2026.2");
        });
        JsonObject active = call(HttpMethod.GET, "/active", auditor, null).bodyAsJsonObject();
        assertThat(active.getJsonObject("active").getString("versionId")).isEqualTo(id);
        assertThat(active.getJsonArray("schedule")).hasSize(2);
        assertThat(states()).containsEntry("national:2026.2", "ACTIVE").containsEntry("national:2026.1", "RETIRED");
    }

    @Test
    void shouldRollBackToThePreviousVersion() throws Exception {
        // given
        String v1 = nodeA.current().versionId().orElseThrow();
        String v2 = approvedV2();
        call(HttpMethod.POST, "/versions/" + v2 + "/activate", bob, reason("go"));
        syncA.syncOnce();
        syncB.syncOnce();

        // when
        HttpResponse<Buffer> rollback = call(HttpMethod.POST, "/rollback", alice, reason("shelter webhook is down"));
        syncA.syncOnce();
        syncB.syncOnce();

        // then
        assertThat(rollback.statusCode()).isEqualTo(202);
        assertThat(rollback.bodyAsJsonObject().getString("versionId")).isEqualTo(v1);
        assertThat(rollback.bodyAsJsonObject().getString("kind")).isEqualTo("ROLLBACK");
        assertThat(nodeA.get().version()).isEqualTo("2026.1");
        assertThat(nodeB.get().version()).isEqualTo("2026.1");
        assertThat(states()).containsEntry("national:2026.1", "ACTIVE").containsEntry("national:2026.2", "RETIRED");
    }

    @Test
    void shouldStoreNothingFromAnInvalidFileAndShowEveryProblemWithItsLine() throws Exception {
        // given
        String broken = read(NATIONAL_V2).replace("agency: lnp-wacps", "agency: no-such-agency");

        // when
        HttpResponse<Buffer> upload = upload(alice, broken);
        HttpResponse<Buffer> validate = call(HttpMethod.POST, "/validate", auditor, Buffer.buffer(broken));

        // then
        assertThat(upload.statusCode()).isEqualTo(422);
        assertThat(upload.bodyAsJsonObject().getString("code")).isEqualTo("pathway_invalid");
        assertThat(upload.bodyAsJsonObject().getJsonObject("fields").encode()).contains("line ", "unknown-agency");
        assertThat(validate.statusCode()).isEqualTo(200);
        assertThat(validate.bodyAsJsonObject().getBoolean("valid")).isFalse();
        JsonArray problems = validate.bodyAsJsonObject().getJsonArray("problems");
        assertThat(problems.stream().map(JsonObject.class::cast)).anySatisfy(p -> {
            assertThat(p.getString("code")).isEqualTo("unknown-agency");
            assertThat(p.getInteger("line")).isEqualTo(lineOf(broken, "no-such-agency"));
        });
        assertThat(call(HttpMethod.GET, "/versions", auditor, null).bodyAsJsonObject().getJsonArray("versions")).hasSize(1);
        assertThat(nodeA.get().version()).isEqualTo("2026.1");
    }

    @Test
    void shouldSimulateSampleTipsWithTheExactPayloadsOfTheStoredVersion() throws Exception {
        // given
        String id = upload(alice, read(NATIONAL_V2)).bodyAsJsonObject().getString("id");
        Pathway v2 = load(NATIONAL_V2);
        List<Map<String, Object>> tips = ((SampleTips.Result.Parsed) SampleTips.parse(read(SAMPLE_TIPS), "tips")).tips();
        PathwaySimulator.Outcome expected = PathwaySimulator.simulate(v2, tips.get(0));

        // when
        HttpResponse<Buffer> simulated = call(HttpMethod.POST, "/versions/" + id + "/simulate", auditor,
                Buffer.buffer(read(SAMPLE_TIPS)));

        // then
        assertThat(simulated.statusCode()).isEqualTo(200);
        JsonArray outcomes = simulated.bodyAsJsonObject().getJsonArray("tips");
        assertThat(outcomes).hasSize(tips.size());
        JsonArray recipients = outcomes.getJsonObject(0).getJsonArray("recipients");
        assertThat(recipients).hasSize(expected.deliveries().size());
        for (int i = 0; i < recipients.size(); i++) {
            PathwaySimulator.Delivery delivery = expected.deliveries().get(i);
            JsonObject got = recipients.getJsonObject(i);
            assertThat(got.getString("agencyId")).isEqualTo(delivery.recipient().agencyId());
            assertThat(got.getJsonObject("payload").getMap()).isEqualTo(delivery.disclosure().payload());
        }
    }

    @Test
    void shouldDiffAVersionAgainstTheActiveOneAndNameTheTipsRoutedDifferently() throws Exception {
        // given
        String id = upload(alice, read(NATIONAL_V2)).bodyAsJsonObject().getString("id");
        List<Map<String, Object>> tips = ((SampleTips.Result.Parsed) SampleTips.parse(read(SAMPLE_TIPS), "tips")).tips();
        PathwayDiff expected = PathwayDiff.compare(load(NATIONAL), load(NATIONAL_V2), tips);

        // when
        HttpResponse<Buffer> diff = call(HttpMethod.POST, "/versions/" + id + "/diff?against=active", auditor,
                Buffer.buffer(read(SAMPLE_TIPS)));

        // then
        assertThat(diff.statusCode()).isEqualTo(200);
        JsonObject body = diff.bodyAsJsonObject();
        assertThat(body.getString("fromVersion")).isEqualTo("2026.1");
        assertThat(body.getString("toVersion")).isEqualTo("2026.2");
        assertThat(expected.tips()).isNotEmpty();
        assertThat(body.getJsonArray("tips").stream().map(t -> ((JsonObject) t).getInteger("index")).toList())
                .isEqualTo(expected.tips().stream().map(PathwayDiff.RoutingChange::index).toList());
        assertThat(body.getJsonArray("agencies").stream().map(c -> ((JsonObject) c).getString("id")).toList())
                .contains("gn-counterpart");
    }

    @Test
    void shouldShowTheCoverageMatrixOfTheActiveVersion() throws Exception {
        // when
        JsonObject coverage = call(HttpMethod.GET, "/versions/" + nodeA.current().versionId().orElseThrow() + "/coverage",
                auditor, null).bodyAsJsonObject();

        // then
        assertThat(coverage.getJsonArray("cells")).hasSize(128);
        assertThat(coverage.getInteger("gaps")).isEqualTo(8);
    }

    @Test
    void shouldLetAuditorsReadButNotChangeAndKeepOperatorsOut() throws Exception {
        // when
        HttpResponse<Buffer> auditorList = call(HttpMethod.GET, "/versions", auditor, null);
        HttpResponse<Buffer> auditorUpload = upload(auditor, read(NATIONAL_V2));
        HttpResponse<Buffer> operatorList = call(HttpMethod.GET, "/versions", operator, null);
        HttpResponse<Buffer> anonymous = call(HttpMethod.GET, "/versions", null, null);

        // then
        assertThat(auditorList.statusCode()).isEqualTo(200);
        assertThat(auditorUpload.statusCode()).isEqualTo(403);
        assertThat(operatorList.statusCode()).isEqualTo(403);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(auditorList.bodyAsJsonObject().getJsonArray("versions")).hasSize(1);
    }

    @Test
    void shouldAnswerClearErrorsForBadRequestsAndChangeNothing() throws Exception {
        // given
        String id = upload(alice, read(NATIONAL_V2)).bodyAsJsonObject().getString("id");

        // when / then
        assertError(call(HttpMethod.POST, "/versions/" + id + "/submit", alice, Buffer.buffer("{oops")), 400, "invalid_json");
        assertError(call(HttpMethod.POST, "/versions/" + id + "/submit", alice, new JsonObject()), 400, "reason_required");
        assertError(call(HttpMethod.POST, "/versions", alice, Buffer.buffer("")), 400, "empty_body");
        assertError(call(HttpMethod.POST, "/versions", alice, Buffer.buffer("# " + "x".repeat(300_000))), 400,
                "pathway_too_large");
        assertError(call(HttpMethod.POST, "/versions/ffffffffffffffffffffffff/submit", alice, reason("go")), 404,
                "version_not_found");
        assertError(call(HttpMethod.GET, "/versions/not-an-id", auditor, null), 404, "version_not_found");
        assertError(upload(bob, read(NATIONAL_V2)), 409, "version_exists");
        assertError(call(HttpMethod.POST, "/versions/" + id + "/activate", bob, reason("go")), 409, "invalid_state");
        assertError(call(HttpMethod.POST, "/versions/" + id + "/simulate", auditor, Buffer.buffer("- exploitationType: [")),
                422, "tips_invalid");
        call(HttpMethod.POST, "/versions/" + id + "/submit", alice, reason("ready"));
        call(HttpMethod.POST, "/versions/" + id + "/approve", bob, reason("ok"));
        assertError(call(HttpMethod.POST, "/versions/" + id + "/activate", bob,
                reason("go").put("effectiveAt", "tomorrow")), 400, "invalid_effective_time");
        assertError(call(HttpMethod.POST, "/versions/" + id + "/activate", bob,
                reason("go").put("effectiveAt", LifecycleBed.T0.minusSeconds(60).toString())), 400, "effective_time_past");
        assertError(call(HttpMethod.PUT, "/versions/" + id, alice, Buffer.buffer(read(NATIONAL_V2))), 409, "invalid_state");
        assertThat(call(HttpMethod.GET, "/active", auditor, null).bodyAsJsonObject().getJsonArray("schedule")).hasSize(1);
        assertThat(states()).containsEntry("national:2026.2", "APPROVED");
    }

    private String approvedV2() throws Exception {
        String id = upload(alice, read(NATIONAL_V2)).bodyAsJsonObject().getString("id");
        call(HttpMethod.POST, "/versions/" + id + "/submit", alice, reason("ready"));
        call(HttpMethod.POST, "/versions/" + id + "/approve", bob, reason("checked"));
        return id;
    }

    private Map<String, String> states() throws Exception {
        Map<String, String> states = new TreeMap<>();
        call(HttpMethod.GET, "/versions", auditor, null).bodyAsJsonObject().getJsonArray("versions")
                .forEach(v -> states.put(((JsonObject) v).getString("label"), ((JsonObject) v).getString("state")));
        return states;
    }

    private static void assertError(HttpResponse<Buffer> response, int status, String code) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
        assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo(code);
    }

    private static JsonObject reason(String why) {
        return new JsonObject().put("reason", why);
    }

    private static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(needle);
    }

    private static Pathway load(Path file) {
        return ((LoadResult.Valid) PathwayLoader.load(read(file), file.toString(), Map.of())).pathway();
    }

    private HttpResponse<Buffer> upload(String token, String yaml) throws Exception {
        return call(HttpMethod.POST, "/versions", token, Buffer.buffer(yaml));
    }

    private String signIn(String username) throws Exception {
        return org.hotline.core.testsupport.Staff.signIn(port, username, PASSWORD).token();
    }

    private HttpResponse<Buffer> call(HttpMethod method, String path, String token, Object body) throws Exception {
        var request = client.request(method, port, "127.0.0.1", "/api/pathways" + path);
        if (token != null) {
            request.bearerTokenAuthentication(token);
        }
        var sent = body == null ? request.send()
                : body instanceof JsonObject json ? request.sendJsonObject(json) : request.sendBuffer((Buffer) body);
        return sent.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
}
