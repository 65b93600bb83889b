package org.hotline.core.agency;

import static org.hotline.core.http.Handlers.blocking;
import static org.hotline.core.http.Handlers.json;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Optional;
import org.hotline.core.agency.internal.Requests;
import org.hotline.core.agency.internal.SmsSignature;
import org.hotline.core.auth.Access;
import org.hotline.core.http.Handlers;
import org.hotline.core.http.ApiException;
import org.hotline.core.http.ApiRoutes;

/**
 * {@code POST /api/sms/inbound}: the SMS gateway's callback with a reply, JSON {@code {from, text}}, signed
 * with the shared secret {@value #KEY_REF} (see {@link SmsSignature}). Without the secret SMS replies are off
 * (404). A body that is not a reply is refused (400) before the signature is checked; a bad or missing
 * signature is 401; then {@link SmsReplies} decides. Replaying a signed callback only repeats the same answer,
 * which changes nothing.
 */
public final class SmsReplyRoutes implements ApiRoutes {

    /** Name of the secret (environment variable) shared with the SMS gateway. */
    public static final String KEY_REF = "HOTLINE_SMS_REPLY_KEY";

    private final Optional<String> secret;
    private final SmsReplies replies;

    public SmsReplyRoutes(Optional<String> secret, SmsReplies replies) {
        this.secret = secret;
        this.replies = replies;
    }

    @Override
    public void mount(Router router, Access access) {
        router.post("/api/sms/inbound").handler(this::inbound);
    }

    private void inbound(RoutingContext ctx) {
        JsonObject body = Handlers.body(ctx, Requests.MAX_BODY, false);
        String from = Handlers.optionalText(body, "from", 32);
        String text = Handlers.optionalText(body, "text", 1000);
        if (from == null || text == null) {
            throw ApiException.invalidFields(from == null
                    ? Map.of("from", "the sender's number is required") : Map.of("text", "the reply text is required"));
        }
        String key = secret.orElseThrow(() ->
                new ApiException(404, "sms_replies_disabled", "SMS replies are not enabled on this hotline."));
        if (!SmsSignature.matches(key, ctx.body().buffer().getBytes(), ctx.request().getHeader(SmsSignature.HEADER))) {
            throw new ApiException(401, "bad_signature", "The callback is not signed with the gateway's secret.");
        }
        blocking(ctx, () -> replies.apply(from, text), answer -> json(ctx, 200, answer));
    }
}
