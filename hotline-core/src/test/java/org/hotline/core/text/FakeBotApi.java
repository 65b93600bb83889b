package org.hotline.core.text;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A small HTTP server speaking Telegram's Bot API {@code sendMessage}: {@code POST /bot<token>/sendMessage} with
 * JSON {@code {chat_id, text}}, answered {@code {"ok":true,"result":{...}}}; a wrong token gets the API's 401
 * {@code {"ok":false,"error_code":401,"description":"Unauthorized"}}.
 */
final class FakeBotApi implements AutoCloseable {

    record Sent(String chatId, String text) {}

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private volatile int messageId = 100;

    FakeBotApi(Vertx vertx, String token) throws Exception {
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            if (!request.path().equals("/bot" + token + "/sendMessage")) {
                request.response().setStatusCode(401).putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("ok", false).put("error_code", 401).put("description", "Unauthorized").encode());
                return;
            }
            JsonObject message = body.toJsonObject();
            sent.add(new Sent(String.valueOf(message.getValue("chat_id")), message.getString("text")));
            request.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("ok", true)
                    .put("result", new JsonObject().put("message_id", ++messageId)
                            .put("chat", new JsonObject().put("id", message.getValue("chat_id")))
                            .put("text", message.getString("text"))).encode());
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    List<String> textsTo(String chatId) {
        return sent.stream().filter(s -> s.chatId().equals(chatId)).map(Sent::text).toList();
    }

    @Override
    public void close() {
        server.close();
    }
}
