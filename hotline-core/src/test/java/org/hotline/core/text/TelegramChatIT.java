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
import org.bson.Document;
import org.hotline.core.e2e.TestNode;
import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;
import org.hotline.core.testsupport.RecordingAgency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole report and a follow-up by reference + PIN over the Telegram adapter, against a Bot API server. */
class TelegramChatIT {

    private static final String TOKEN = "123456:test-bot-token-abcdefghij";
    private static final String SECRET = "telegram-webhook-secret-0123";
    private static final long CHAT = 88001234L;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private Vertx vertx;
    private RecordingAgency agencies;
    private FakeBotApi bot;
    private Hotline hotline;
    private long updateId = 5000;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        agencies = RecordingAgency.start(vertx);
        bot = new FakeBotApi(vertx, TOKEN);
        Map<String, String> env = TestNode.env(dir, agencies);
        env.put("HOTLINE_TELEGRAM_BOT_TOKEN", TOKEN);
        env.put("HOTLINE_TELEGRAM_WEBHOOK_SECRET", SECRET);
        env.put("HOTLINE_TELEGRAM_API_URL", bot.url());
        env.put("HOTLINE_TEXT_OUTBOX_POLL", "100ms");
        hotline = Hotline.start(HotlineConfig.fromEnv(env), env, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        hotline.close();
        bot.close();
        agencies.close();
        vertx.close();
    }

    private HttpResponse<String> webhook(String secret, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hotline.httpPort()
                        + "/api/chat/telegram/webhook")).header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", secret)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String update(long id, String text) {
        return new JsonObject().put("update_id", id).put("message", new JsonObject().put("message_id", id)
                .put("date", 1764979200).put("chat", new JsonObject().put("id", CHAT).put("type", "private"))
                .put("from", new JsonObject().put("id", CHAT).put("is_bot", false).put("first_name", "A"))
                .put("text", text)).encode();
    }

    /** Writes {@code text} to the bot and waits for a reply containing {@code expected}. */
    private void chat(String text, String expected) throws Exception {
        int before = bot.textsTo(String.valueOf(CHAT)).size();
        HttpResponse<String> response = webhook(SECRET, update(++updateId, text));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<String> texts = bot.textsTo(String.valueOf(CHAT));
            assertThat(texts.subList(before, texts.size())).as("replies to '%s'", text)
                    .anyMatch(t -> t.contains(expected));
        });
    }

    @Test
    void shouldTakeAWholeReportByChatAndFollowItUpByReferenceAndPin() throws Exception {
        // when: a report, as by SMS
        chat("hello", "For English, press 1");
        chat("1", "To report a situation");
        chat("1", "1 Forced labour");
        chat("1", "1 Montserrado");
        chat("1", "Where are the people");
        chat("3", "Is a child involved?");
        chat("2", "in danger right now");
        chat("2", "call you back");
        chat("2", "with the police");
        chat("2", "services that can help");
        chat("1", "in statistics");
        chat("1", "Thank you. Goodbye.");

        // then: a tip from chat, routed to the pathway's agencies
        String withReference = bot.textsTo(String.valueOf(CHAT)).stream()
                .filter(t -> t.startsWith("Your reference number is")).findFirst().orElseThrow();
        String reference = withReference.substring(25, 34);
        String pin = withReference.replaceAll(".*secret code is (\\d{4})\\.$", "$1");
        Document tip = await().atMost(Duration.ofSeconds(10)).until(() -> hotline.mongo().database()
                .getCollection("tips").find(new Document("reference", reference)).first(), found -> found != null);
        assertThat(tip.getString("source")).isEqualTo("chat");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(agencies.effectiveDeliveries().values())
                .anyMatch(r -> r.body().contains(reference)));

        // when: the same person follows it up by text
        chat("hi", "For English");
        chat("1", "To report a situation");
        chat("3", "Please send your reference number.");
        chat(reference, "Please send your secret code.");
        chat(pin, "Reply 2 to end");

        // then: the status, never the reference echoed back
        List<String> texts = bot.textsTo(String.valueOf(CHAT));
        assertThat(texts).anyMatch(t -> t.startsWith("Your report has been") || t.startsWith("An agency has"));
        assertThat(texts.stream().filter(t -> t.contains(reference))).hasSize(1);
    }

    @Test
    void shouldRefuseAForgedOrMalformedUpdateAndIgnoreOneWithoutAMessage() throws Exception {
        // when
        HttpResponse<String> forged = webhook("not-the-secret-at-all", update(1, "hello"));
        HttpResponse<String> malformed = webhook(SECRET, "{\"message\": 12}");
        HttpResponse<String> notJson = webhook(SECRET, "hello");
        HttpResponse<String> edit = webhook(SECRET, new JsonObject().put("update_id", 2)
                .put("edited_message", new JsonObject().put("text", "x")).encode());

        // then
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(edit.body()).getString("handled")).isEqualTo("IGNORED");
        assertThat(hotline.mongo().database().getCollection("text_sessions").countDocuments()).isZero();
    }

    @Test
    void shouldTakeARedeliveredUpdateOnceAndAnswerAPhotoBriefly() throws Exception {
        // given
        chat("hello", "For English");

        // when: Telegram delivers the same update twice, then a photo (no text)
        String again = update(++updateId, "1");
        assertThat(webhook(SECRET, again).body()).contains("ANSWERED");
        assertThat(webhook(SECRET, again).body()).contains("DUPLICATE");
        JsonObject photo = new JsonObject(update(++updateId, "x"));
        photo.getJsonObject("message").remove("text");
        photo.getJsonObject("message").put("photo", new io.vertx.core.json.JsonArray().add(new JsonObject().put("file_id", "f")));
        webhook(SECRET, photo.encode());

        // then
        await().atMost(Duration.ofSeconds(10)).until(() -> bot.textsTo(String.valueOf(CHAT))
                .contains("We could not read that message. Please reply with a number."));
        assertThat(bot.textsTo(String.valueOf(CHAT)).stream().filter(t -> t.startsWith("To report a situation")))
                .hasSize(1);
    }
}
