package org.hotline.core.agency;

import static org.hotline.core.http.Handlers.blocking;
import static org.hotline.core.http.Handlers.json;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Optional;
import org.hotline.core.agency.internal.Requests;
import org.hotline.core.auth.Access;
import org.hotline.core.http.Handlers;
import org.hotline.core.http.ApiException;
import org.hotline.core.http.ApiRoutes;
import org.hotline.core.referral.AnswerLinks;

/**
 * Answers from the signed single-use links in referral e-mails. Opening the link ({@code GET /agency/answer},
 * a page served by {@link AgencyAssets}) changes nothing, because mail scanners open links; the page's button
 * posts the token to {@code POST /api/agency/answer}, which applies it once. The token is the credential, so
 * no sign-in is needed; a forged, expired or replayed token is refused with a clear message.
 */
public final class AnswerLinkRoutes implements ApiRoutes {

    private static final int MAX_TOKEN = 2048;

    private final Optional<AnswerLinks> links;
    private final Answers apply;

    public AnswerLinkRoutes(Optional<AnswerLinks> links, Answers apply) {
        this.links = links;
        this.apply = apply;
    }

    @Override
    public void mount(Router router, Access access) {
        router.post("/api/agency/answer").handler(this::redeem);
    }

    private void redeem(RoutingContext ctx) {
        String token = Handlers.optionalText(Handlers.body(ctx, Requests.MAX_BODY, false), "token", MAX_TOKEN);
        if (token == null) {
            throw ApiException.invalidFields(Map.of("token", "the token from the e-mail link is required"));
        }
        AnswerLinks answerLinks = links.orElseThrow(() ->
                new ApiException(404, "links_disabled", "Answer links are not enabled on this hotline."));
        blocking(ctx, () -> apply.apply("link", "referral.answer_link", "link", () -> answerLinks.redeem(token)),
                body -> json(ctx, 200, body));
    }
}
