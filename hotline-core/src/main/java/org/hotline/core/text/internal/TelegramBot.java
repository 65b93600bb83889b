package org.hotline.core.text.internal;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import org.hotline.core.text.ChatNetwork;
import org.hotline.core.text.InboundText;

/**
 * Telegram's Bot API: updates arrive on the webhook set with {@code setWebhook} (its {@code secret_token} comes
 * back in header {@code X-Telegram-Bot-Api-Secret-Token}); replies go out with {@code sendMessage}. A message is
 * known by its {@code update_id}, which Telegram keeps when it delivers an update again.
 */
public final class TelegramBot implements ChatNetwork {

    public static final String NAME = "telegram";
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final URI api;
    private final String token;
    private final String webhookSecret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /** @param api the Bot API's base, {@code https://api.telegram.org} */
    public TelegramBot(URI api, String token, String webhookSecret) {
        this.api = api;
        this.token = token;
        this.webhookSecret = webhookSecret;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean authentic(MultiMap headers, byte[] body) {
        String given = headers.get(SECRET_HEADER);
        return given != null && MessageDigest.isEqual(webhookSecret.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Optional<InboundText> message(JsonObject update) {
        Long updateId = update.getLong("update_id");
        if (updateId == null) {
            throw new IllegalArgumentException("no update_id");
        }
        JsonObject message = update.getJsonObject("message");
        if (message == null || message.getJsonObject("chat") == null || message.getJsonObject("chat").getLong("id") == null) {
            return Optional.empty();
        }
        String chat = String.valueOf(message.getJsonObject("chat").getLong("id"));
        String text = message.getString("text");
        // a photo, a voice note, a sticker: nothing written to read as a reply
        return Optional.of(new InboundText("chat", NAME, chat, String.valueOf(updateId), text == null ? "" : text,
                text == null));
    }

    @Override
    public void send(String to, String text) throws IOException {
        String body = new JsonObject().put("chat_id", to).put("text", text).encode();
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + "/bot" + token + "/sendMessage"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending to Telegram", e);
        }
        boolean ok;
        String description;
        try {
            JsonObject answer = new JsonObject(response.body());
            ok = answer.getBoolean("ok", false);
            description = answer.getString("description", "");
        } catch (RuntimeException e) {
            ok = false;
            description = "not the Bot API's JSON";
        }
        if (response.statusCode() / 100 != 2 || !ok) {
            // never the token, which is part of the URL
            throw new IOException("Telegram sendMessage answered " + response.statusCode() + " " + description);
        }
    }
}
