package org.hotline.core.agency.internal;

import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;
import org.hotline.core.http.ApiException;
import org.hotline.core.referral.AnswerResult;

/**
 * Request plumbing of the agency routes beyond the shared {@link org.hotline.core.http.Handlers}
 * (bounded JSON bodies, blocking work): referral ids from the path, refused answers as API errors.
 */
public final class Requests {

    /** Bodies of agency requests are small: a reason or a note of at most 1000 characters. */
    public static final int MAX_BODY = 4 * 1024;
    private static final Pattern REFERRAL_ID =
            Pattern.compile("[A-Za-z0-9_-]{1,200}:[A-Za-z0-9_-]{1,64}(:update-[0-9]{1,6})?");

    private Requests() {}

    /** The {@code :id} path parameter when it has the shape of a referral id, else a 404 (it names nothing). */
    public static String referralId(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (id == null || !REFERRAL_ID.matcher(id).matches()) {
            throw ApiException.notFound("No such referral.");
        }
        return id;
    }

    /** The error an answer that was refused turns into; nothing was changed. */
    public static ApiException refusal(AnswerResult.Refused refused) {
        return switch (refused.reason()) {
            case NOT_FOUND -> ApiException.notFound("No such referral.");
            case WRONG_STATE -> new ApiException(409, "wrong_state", refused.message());
            case INVALID -> ApiException.badRequest("invalid_answer", refused.message());
        };
    }
}
