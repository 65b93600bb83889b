package org.hotline.core.text;

import static org.hotline.core.http.Handlers.blocking;
import static org.hotline.core.http.Handlers.json;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import org.hotline.core.agency.SmsReplies;
import org.hotline.core.agency.SmsReply;
import org.hotline.core.auth.Access;
import org.hotline.core.http.ApiException;
import org.hotline.core.http.ApiRoutes;
import org.hotline.core.text.internal.KannelGateway;

/**
 * {@code GET|POST /api/sms/kannel}: Kannel smsbox's {@code sms-service} hands every message to the short code
 * here ({@code key}, {@code from=%p}, {@code to=%P}, {@code id=%I}, {@code coding=%c} in the query; the text as
 * {@code text=%a} or, with {@code post-url}, as the body). An agency's {@code ACK <code>} / {@code DECLINE <code>}
 * from the number a referral went to is applied as on {@code /api/sms/inbound}; every other message is a
 * victim's, taken into a text conversation. Answers 202 at once after the message is stored (or, while MongoDB
 * is down, kept in the node's text journal: {@link TextInbox}); replies go out
 * through Kannel's {@code sendsms} from the outbox (the sms-service must have {@code max-messages = 0}).
 */
public final class KannelRoutes implements ApiRoutes {

    /** Name of the secret Kannel passes as {@code key}. */
    public static final String KEY_REF = "HOTLINE_KANNEL_INBOUND_KEY";

    private final Optional<String> key;
    private final TextConversations conversations;
    private final TextInbox inbox;
    private final Optional<SmsReplies> agencyReplies;
    private final TextOutbox outbox;
    private final Runnable wake;

    public KannelRoutes(Optional<String> key, TextConversations conversations, TextInbox inbox,
            Optional<SmsReplies> agencyReplies, TextOutbox outbox, Runnable wake) {
        this.key = key;
        this.conversations = conversations;
        this.inbox = inbox;
        inbox.route(KannelGateway.NAME, this::handle);
        this.agencyReplies = agencyReplies;
        this.outbox = outbox;
        this.wake = wake;
    }

    @Override
    public void mount(Router router, Access access) {
        router.get("/api/sms/kannel").handler(this::inbound);
        router.post("/api/sms/kannel").handler(this::inbound);
    }

    private void inbound(RoutingContext ctx) {
        String expected = key.orElseThrow(() ->
                new ApiException(404, "sms_text_disabled", "Text by SMS is not enabled on this hotline."));
        if (!matches(expected, ctx.request().getParam("key"))) {
            throw new ApiException(401, "bad_key", "The request does not carry the gateway's key.");
        }
        InboundText in = validate(ctx);
        blocking(ctx, () -> inbox.take(in), handled -> json(ctx, 202, new JsonObject().put("handled", handled)));
    }

    private static InboundText validate(RoutingContext ctx) {
        String from = ctx.request().getParam("from");
        String id = ctx.request().getParam("id");
        String text = ctx.request().method().name().equals("POST") && ctx.body() != null && ctx.body().length() > 0
                ? ctx.body().asString(StandardCharsets.UTF_8.name()) : ctx.request().getParam("text", "");
        if (from == null || !from.replaceAll("[\\s()-]", "").matches("\\+?[0-9]{3,20}")) {
            throw ApiException.invalidFields(Map.of("from", "the sender's number is required (Kannel's %p)"));
        }
        if (id == null || id.isBlank() || id.length() > 100) {
            throw ApiException.invalidFields(Map.of("id", "the gateway's message id is required (Kannel's %I)"));
        }
        // coding 1 is 8-bit data (a ringtone, a picture): nothing a person wrote to read here
        boolean binary = "1".equals(ctx.request().getParam("coding"))
                || text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
        return new InboundText("sms", KannelGateway.NAME, from.replaceAll("[\\s()-]", ""), id,
                binary ? "" : text, binary);
    }

    private String handle(InboundText in) {
        if (agencyReplies.isPresent() && !(SmsReply.parse(in.text()) instanceof SmsReply.Unreadable)) {
            try {
                JsonObject answer = agencyReplies.get().apply(in.sender(), in.text());
                reply(in, answer.getString("reply"));
                return "AGENCY_REPLY";
            } catch (ApiException e) {
                if (e.status() != 404 && e.status() != 400) {
                    reply(in, e.getMessage());
                    return "AGENCY_REPLY";
                }
                // no referral of this number has that code: it is a person writing to the hotline
            }
        }
        return conversations.handle(in).name();
    }

    private void reply(InboundText in, String text) {
        outbox.enqueue("agency:" + in.messageId(), "agency:" + in.messageId(), in.gateway(), in.sender(), text);
        wake.run();
    }

    private static boolean matches(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
