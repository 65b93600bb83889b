package org.hotline.core.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.testsupport.ami.AmiSimulator;
import org.hotline.core.testsupport.ami.OriginateOutcome;
import org.hotline.core.testsupport.ami.QueueEvents.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Add interpreter" and "drop interpreter" over real HTTP with real sign-in, driving the AMI simulator over TCP
 * (dual Redirect into a ConfBridge conference, Originate of the interpreter's line, ConfbridgeKick).
 */
class InterpreterCallsIT {

        private static final String ANA_LEG = TelephonyRig.ANA_LEG;
    private static final Caller CALLER = Caller.fromIvr("1700000001.5", "123456789", "fr", "operators");
    private static final String CONFERENCE = "17000000015";
    private static final String DIRECTORY = """
            zone: Africa/Monrovia
            interpreters:
              - id: relay-fr
                language: fr
                name: Relay (French)
                endpoint: PJSIP/interp-fr
              - id: relay-ar-closed
                language: ar
                name: Relay (Arabic, never open in this test)
                endpoint: PJSIP/interp-ar
                hours: ["sun 00:00-00:01"]
            """;

    @TempDir
    Path dir;

    private TelephonyRig rig;
    private AmiSimulator sim;
    private List<AuditEvent> audited;

    @BeforeEach
    void start() throws Exception {
        rig = new TelephonyRig(dir, DIRECTORY, Map.of());
        sim = rig.sim;
        audited = rig.audited;
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    private String anaOnACall() throws Exception {
        return rig.anaOnACall(CALLER);
    }

    @Test
    void shouldBridgeCallerOperatorAndInterpreterInOneConference() throws Exception {
        // given
        String token = anaOnACall();
        // when
        HttpResponse<String> added = addInterpreterOnceTracked(token, "fr");
        // then
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(added.body()).getString("outcome")).isEqualTo("JOINED");
        Map<String, String> redirect = sim.actions("Redirect").get(0);
        assertThat(redirect).containsEntry("Channel", CALLER.channel()).containsEntry("Context", "hotline-bridge-caller")
                .containsEntry("Exten", CONFERENCE).containsEntry("ExtraChannel", ANA_LEG)
                .containsEntry("ExtraContext", "hotline-bridge-operator").containsEntry("ExtraExten", CONFERENCE);
        Map<String, String> originate = sim.actions("Originate").get(0);
        assertThat(originate).containsEntry("Channel", "PJSIP/interp-fr")
                .containsEntry("Context", "hotline-bridge-interpreter").containsEntry("Exten", CONFERENCE);
        assertThat(sim.conferenceMembers(CONFERENCE)).hasSize(3).startsWith(CALLER.channel(), ANA_LEG)
                .anyMatch(c -> c.startsWith("PJSIP/interp-fr-"));
        assertThat(audited).anySatisfy(e -> assertThat(e).satisfies(a -> {
            assertThat(a.action()).isEqualTo("call.interpreter_add");
            assertThat(a.target()).isEqualTo("123456789");
            assertThat(a.details()).containsEntry("outcome", "joined").containsEntry("interpreter", "relay-fr");
        }));
    }

    @Test
    void shouldKeepTheCallerWithTheOperatorWhenTheInterpreterDoesNotAnswer() throws Exception {
        // given
        sim.onOriginate(action -> OriginateOutcome.busy());
        String token = anaOnACall();
        // when
        HttpResponse<String> added = addInterpreterOnceTracked(token, "fr");
        // then
        assertThat(added.statusCode()).isEqualTo(200);
        JsonObject body = new JsonObject(added.body());
        assertThat(body.getString("outcome")).isEqualTo("UNREACHABLE");
        assertThat(body.getString("reason")).isEqualTo("busy");
        assertThat(body.getString("message")).contains("caller is still with you");
        assertThat(sim.conferenceMembers(CONFERENCE)).containsExactly(CALLER.channel(), ANA_LEG);
        assertThat(audited).anySatisfy(e -> assertThat(e.details()).containsEntry("outcome", "unreachable")
                .containsEntry("reason", "busy"));
    }

    @Test
    void shouldDropOnlyTheInterpreterAndLeaveCallerWithOperator() throws Exception {
        // given
        String token = anaOnACall();
        assertThat(addInterpreterOnceTracked(token, "fr").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.conferenceMembers(CONFERENCE).size() == 3);
        // when
        HttpResponse<String> dropped = await().atMost(Duration.ofSeconds(10))
                .until(() -> send("DELETE", "/api/operators/me/interpreter", token, null), r -> r.statusCode() == 200);
        // then
        assertThat(sim.actions("ConfbridgeKick").get(0)).containsEntry("Conference", CONFERENCE)
                .hasEntrySatisfying("Channel", c -> assertThat(c).startsWith("PJSIP/interp-fr-"));
        assertThat(sim.conferenceMembers(CONFERENCE)).containsExactly(CALLER.channel(), ANA_LEG);
        assertThat(audited).anySatisfy(e -> assertThat(e.action()).isEqualTo("call.interpreter_drop"));
        assertThat(dropped.body()).contains("\"dropped\":true");
    }

    @Test
    void shouldEndTheBridgeForEveryoneWhenTheOperatorHangsUpSoTheCallerIsNeverAloneThere() throws Exception {
        // given
        String token = anaOnACall();
        assertThat(addInterpreterOnceTracked(token, "fr").statusCode()).isEqualTo(200);
        // when
        sim.hangup(ANA_LEG);
        // then
        assertThat(sim.conferenceMembers(CONFERENCE)).isEmpty();
        HttpResponse<String> drop = await().atMost(Duration.ofSeconds(10)).until(
                () -> send("DELETE", "/api/operators/me/interpreter", token, null), r -> r.statusCode() == 409);
        assertThat(new JsonObject(drop.body()).getString("code")).isEqualTo("no_interpreter_on_line");
        assertThat(sim.actions("ConfbridgeKick")).isEmpty();
    }

    @Test
    void shouldRefuseALanguageWithNoInterpreterOpenNowAndChangeNothing() throws Exception {
        // given
        String token = anaOnACall();
        // when
        HttpResponse<String> closed = send("POST", "/api/operators/me/interpreter", token, "{\"language\":\"ar\"}");
        HttpResponse<String> unknown = send("POST", "/api/operators/me/interpreter", token, "{\"language\":\"kpe\"}");
        HttpResponse<String> bad = send("POST", "/api/operators/me/interpreter", token, "{\"language\":\"French\"}");
        // then
        assertThat(closed.statusCode()).isEqualTo(409);
        assertThat(new JsonObject(closed.body()).getString("code")).isEqualTo("no_interpreter");
        assertThat(unknown.statusCode()).isEqualTo(409);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(sim.actions("Redirect")).isEmpty();
        assertThat(sim.actions("Originate")).isEmpty();
    }

    @Test
    void shouldRefuseAnOperatorWhoIsNotOnACall() throws Exception {
        // given
        String token = rig.signIn("ana.operator");
        // when
        HttpResponse<String> added = send("POST", "/api/operators/me/interpreter", token, "{\"language\":\"fr\"}");
        // then
        assertThat(added.statusCode()).isEqualTo(409);
        assertThat(new JsonObject(added.body()).getString("code")).isEqualTo("not_in_call");
        assertThat(sim.actions("Redirect")).isEmpty();
    }

    @Test
    void shouldListLanguagesForOperatorsAndSupervisorsButLetOnlyOperatorsAddInterpreters() throws Exception {
        // given
        String supervisor = rig.signIn("sam.supervisor");
        // when
        HttpResponse<String> languages = send("GET", "/api/interpreters", supervisor, null);
        HttpResponse<String> add = send("POST", "/api/operators/me/interpreter", supervisor, "{\"language\":\"fr\"}");
        // then
        assertThat(languages.statusCode()).isEqualTo(200);
        JsonObject fr = new JsonObject(languages.body()).getJsonArray("languages").getJsonObject(1);
        assertThat(fr.getString("language")).isEqualTo("fr");
        assertThat(fr.getBoolean("availableNow")).isTrue();
        assertThat(add.statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/interpreters", null, null).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> addInterpreterOnceTracked(String token, String language) {
        return rig.onceTracked("POST", "/api/operators/me/interpreter", token, "{\"language\":\"" + language + "\"}");
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return rig.send(method, path, token, body);
    }
}
