package org.hotline.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotline.core.auth.Role;
import org.hotline.core.testsupport.Staff;
import org.bson.Document;
import org.hotline.core.e2e.TestNode;
import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;
import org.hotline.core.testsupport.RecordingAgency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text conversations over HTTP as Kannel's smsbox posts them, replies to a recording sendsms: redelivery,
 * restart mid-conversation, idle expiry, oversize and binary messages, the rate limit, bad requests.
 */
class TextConversationIT {

    private static final String KEY = "conversation-test-inbound-key";
    private static final String VICTIM = "+231770000002";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private Vertx vertx;
    private RecordingAgency agencies;
    private RecordingSendsms sendsms;
    private Hotline hotline;
    private Map<String, String> env;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        agencies = RecordingAgency.start(vertx);
        sendsms = new RecordingSendsms(vertx);
        env = TestNode.env(dir, agencies);
        env.put("HOTLINE_KANNEL_INBOUND_KEY", KEY);
        env.put("HOTLINE_KANNEL_PASSWORD", "sendsms-password");
        env.put("HOTLINE_KANNEL_FROM", "1234");
        env.put("HOTLINE_KANNEL_SENDSMS_URL", sendsms.url());
        env.put("HOTLINE_TEXT_OUTBOX_POLL", "100ms");
        env.put("HOTLINE_TEXT_RATE_PER_MINUTE", "8");
    }

    private void startNode() {
        hotline = Hotline.start(HotlineConfig.fromEnv(env), env, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        if (hotline != null) {
            hotline.close();
        }
        sendsms.close();
        agencies.close();
        vertx.close();
    }

    private String post(String id, String text) {
        HttpResponse<String> response = KannelPost.post(hotline.httpPort(), KEY, VICTIM, id, text);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return new JsonObject(response.body()).getString("handled");
    }

    private void awaitTexts(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> sendsms.textsTo(VICTIM).size() >= count);
    }

    @Test
    void shouldTakeARedeliveredMessageOnceAndAnswerItOnce() {
        // given
        startNode();
        post("m-1", "hello");
        awaitTexts(1);

        // when: Kannel delivers the answer twice (it did not see the first 202)
        String first = post("m-2", "1");
        String again = post("m-2", "1");

        // then
        assertThat(first).isEqualTo("ANSWERED");
        assertThat(again).isEqualTo("DUPLICATE");
        awaitTexts(3);
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2))
                .until(() -> sendsms.textsTo(VICTIM).size() == 3);
        assertThat(sendsms.sent()).allSatisfy(s -> assertThat(s.from()).isEqualTo("1234"));
    }

    @Test
    void shouldCarryOnTheConversationAfterARestart() {
        // given: language and menu answered on the first node
        startNode();
        post("r-1", "hello");
        post("r-2", "1");
        post("r-3", "1");
        awaitTexts(4);

        // when: the node restarts (same data, same MongoDB files)
        hotline.close();
        startNode();
        post("r-4", "2");

        // then: the conversation goes on at the region question
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(sendsms.textsTo(VICTIM).getLast()).startsWith("Where is it happening?\n1 Montserrado"));
    }

    @Test
    void shouldEndAnIdleConversationKeepingAPartialTip() {
        // given
        env.put("HOTLINE_TEXT_IDLE", "1s");
        startNode();
        post("e-1", "hello");
        post("e-2", "1");
        post("e-3", "1");
        post("e-4", "3");

        // then: no reply to a silence, the partial tip is stored
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Document tip = hotline.mongo().database().getCollection("tips")
                    .find(new Document("source", "sms").append("outcome", "ABANDONED")).first();
            assertThat(tip).isNotNull();
            assertThat(tip.get("fields", Document.class)).containsEntry("exploitationType", "domestic_servitude");
            assertThat(tip.getString("lastNode")).isEqualTo("region");
        });
        assertThat(hotline.mongo().database().getCollection("text_sessions").find().first().getString("state"))
                .isEqualTo("EXPIRED");
    }

    @Test
    void shouldAnswerOversizeAndBinaryMessagesBrieflyAndKeepThemForTheOperator() {
        // given
        startNode();
        post("o-1", "hello");
        awaitTexts(1);

        // when
        String longText = "they keep us in the back room at night ".repeat(20);
        String handled = post("o-2", longText);
        HttpResponse<String> binary = KannelPost.post(hotline.httpPort(),
                "key=" + KEY + "&from=%2B231770000002&to=1234&id=o-3&coding=1", "\u0001\u0002binary");

        // then
        assertThat(handled).isEqualTo("HELD");
        assertThat(binary.statusCode()).isEqualTo(202);
        awaitTexts(3);
        assertThat(sendsms.textsTo(VICTIM)).containsSubsequence(
                "Your message is too long for us to read here. Please reply with a number.",
                "We could not read that message. Please reply with a number.");
        assertThat(sendsms.sent()).noneMatch(s -> s.text().contains("back room"));
        Document session = hotline.mongo().database().getCollection("text_sessions").find().first();
        assertThat(session.getList("inbox", Document.class)).hasSize(3);
        assertThat(session.toJson()).doesNotContain("back room");
        assertThat(session.getString("node")).isEqualTo("language");
    }

    @Test
    void shouldStopAnsweringASenderBeyondTheRateAndSaySoOnce() {
        // given
        startNode();

        // when: 12 messages in a row (the repeat key: each asks for the question again), the limit is 8 a minute
        for (int i = 1; i <= 12; i++) {
            post("f-" + i, "*");
        }

        // then: 8 answered, one "wait" for the rest, which are kept but not answered
        await().atMost(Duration.ofSeconds(10)).until(() ->
                sendsms.textsTo(VICTIM).contains("Please wait a moment before writing again."));
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(() ->
                sendsms.textsTo(VICTIM).stream().filter(t -> t.startsWith("Please wait")).count() == 1);
        assertThat(sendsms.textsTo(VICTIM)).filteredOn(t -> t.startsWith("For English")).hasSize(8);
        Document session = hotline.mongo().database().getCollection("text_sessions").find().first();
        assertThat(session.getList("inbox", Document.class)).hasSize(5);
    }

    @Test
    void shouldShowConversationsToOperatorsAndSendTheirRepliesAudited() throws Exception {
        // given: a sender asks for an operator (0) and writes to them
        startNode();
        Staff.create(hotline.mongo(), "ola.operator", Set.of(Role.OPERATOR), Optional.empty());
        Staff.Session operator = Staff.signIn(hotline.httpPort(), "ola.operator");
        post("p-1", "hello");
        post("p-2", "1");
        post("p-3", "0");
        assertThat(post("p-4", "they took my passport")).isEqualTo("HELD");

        // when: the operator lists, reads and answers
        JsonObject list = new JsonObject(get("/api/text/conversations", operator).body());
        JsonObject conversation = list.getJsonArray("conversations").getJsonObject(0);
        String id = conversation.getString("id");
        JsonObject read = new JsonObject(get("/api/text/conversations/" + id, operator).body());
        HttpResponse<String> reply = send("/api/text/conversations/" + id + "/reply", operator,
                new JsonObject().put("text", "We are here. Are you safe to write now?").encode());

        // then
        assertThat(list.encode()).doesNotContain("231770000002");
        assertThat(conversation.getBoolean("waitingForOperator")).isTrue();
        assertThat(read.getJsonArray("messages").stream().map(m -> ((JsonObject) m).getString("text")))
                .contains("they took my passport");
        assertThat(reply.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                sendsms.textsTo(VICTIM).contains("We are here. Are you safe to write now?"));
        List<String> actions = hotline.mongo().database().getCollection("audit_log")
                .find(new Document("target", id)).map(d -> d.getString("action")).into(new java.util.ArrayList<>());
        assertThat(actions).contains("text.read", "text.reply");

        // when: the sender stops; then the operator can send nothing more
        post("p-5", "STOP");
        HttpResponse<String> after = send("/api/text/conversations/" + id + "/reply", operator,
                new JsonObject().put("text", "Hello?").encode());
        HttpResponse<String> empty = send("/api/text/conversations/" + id + "/reply", operator, "{\"text\": \" \"}");
        assertThat(after.statusCode()).isEqualTo(409);
        assertThat(new JsonObject(after.body()).getString("code")).isEqualTo("conversation_closed");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(sendsms.textsTo(VICTIM)).doesNotContain("Hello?");
    }

    private HttpResponse<String> get(String path, Staff.Session session) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hotline.httpPort() + path))
                .header("Authorization", session.bearer()).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String path, Staff.Session session, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hotline.httpPort() + path))
                .header("Authorization", session.bearer()).header("Content-Type", "application/json")
                .header("X-CSRF-Token", session.csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldRefuseBadCallbacksAndStoreNothing() {
        // given
        startNode();

        // when
        HttpResponse<String> wrongKey = KannelPost.post(hotline.httpPort(), "not-the-key", VICTIM, "b-1", "hello");
        HttpResponse<String> noId = KannelPost.post(hotline.httpPort(), "key=" + KEY + "&from=%2B2317", "hello");
        HttpResponse<String> noSender = KannelPost.post(hotline.httpPort(), "key=" + KEY + "&id=b-2", "hello");

        // then
        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(new JsonObject(wrongKey.body()).getString("code")).isEqualTo("bad_key");
        assertThat(noId.statusCode()).isEqualTo(400);
        assertThat(noSender.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(noSender.body()).getJsonObject("fields").getString("from")).contains("%p");
        assertThat(hotline.mongo().database().getCollection("text_sessions").countDocuments()).isZero();
        assertThat(sendsms.sent()).isEmpty();
    }

    @Test
    void shouldKeepRepliesWhileSendsmsRefusesAndSendThemWhenItTakesThemAgain() {
        // given
        startNode();
        sendsms.down(true);

        // when
        post("d-1", "hello");

        // then
        await().atMost(Duration.ofSeconds(5)).until(() ->
                hotline.mongo().database().getCollection("text_outbox").countDocuments() == 1);
        Document queued = hotline.mongo().database().getCollection("text_outbox").find().first();
        assertThat(queued.toJson()).doesNotContain("231770000002").doesNotContain("English");
        sendsms.down(false);
        await().atMost(Duration.ofSeconds(10)).until(() -> sendsms.textsTo(VICTIM).size() == 1);
        assertThat(List.copyOf(sendsms.textsTo(VICTIM)).getFirst()).startsWith("For English, press 1");
    }
}
