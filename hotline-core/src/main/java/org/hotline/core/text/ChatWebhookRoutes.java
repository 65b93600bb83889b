package org.hotline.core.text;

import static org.hotline.core.http.Handlers.blocking;
import static org.hotline.core.http.Handlers.json;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import org.hotline.core.auth.Access;
import org.hotline.core.http.ApiException;
import org.hotline.core.http.ApiRoutes;

/**
 * {@code POST /api/chat/{network}/webhook}: a chat network's update. 401 when it is not authentic, 400 when it is
 * not the network's JSON, 404 for a network not configured; otherwise the message goes into a text conversation
 * and the answer is 200 at once (replies go out through the network's API from the outbox).
 */
public final class ChatWebhookRoutes implements ApiRoutes {

    private final List<ChatNetwork> networks;
    private final TextInbox inbox;

    public ChatWebhookRoutes(List<ChatNetwork> networks, TextConversations conversations, TextInbox inbox) {
        this.networks = List.copyOf(networks);
        this.inbox = inbox;
        networks.forEach(network -> inbox.route(network.name(), in -> conversations.handle(in).name()));
    }

    @Override
    public void mount(Router router, Access access) {
        router.post("/api/chat/:network/webhook").handler(this::webhook);
    }

    private void webhook(RoutingContext ctx) {
        String name = ctx.pathParam("network");
        ChatNetwork network = networks.stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow(() ->
                new ApiException(404, "chat_network_disabled", "No chat network '" + name + "' on this hotline."));
        byte[] body = ctx.body() == null || ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        if (!network.authentic(ctx.request().headers(), body)) {
            throw new ApiException(401, "bad_secret", "The webhook call does not carry the network's secret.");
        }
        Optional<InboundText> message;
        try {
            message = network.message(new JsonObject(new String(body, java.nio.charset.StandardCharsets.UTF_8)));
        } catch (DecodeException | IllegalArgumentException | ClassCastException e) {
            throw ApiException.badRequest("invalid_update", "The body is not a " + name + " update: " + e.getMessage());
        }
        if (message.isEmpty()) {
            json(ctx, 200, new JsonObject().put("handled", "IGNORED"));
            return;
        }
        blocking(ctx, () -> inbox.take(message.get()),
                handled -> json(ctx, 200, new JsonObject().put("handled", handled)));
    }
}
