package org.hotline.core.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.hotline.core.http.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.hotline.core.storage.MongoOutage;

/** Shared request plumbing of the console routes: JSON bodies with a size limit, blocking work off the event loop. */
public final class Handlers {

    private static final Logger LOG = LoggerFactory.getLogger(Handlers.class);

    private Handlers() {}

    /**
     * The request body as a JSON object ({@code {}} when empty and {@code emptyAllowed}); fails with 413 above
     * {@code maxBytes}, 400 when it is not a JSON object.
     */
    public static JsonObject body(RoutingContext ctx, int maxBytes, boolean emptyAllowed) {
        if (ctx.body() == null || ctx.body().length() == 0) {
            if (emptyAllowed) {
                return new JsonObject();
            }
            throw ApiException.badRequest("invalid_json", "The body must be a JSON object.");
        }
        if (ctx.body().length() > maxBytes) {
            throw new ApiException(413, "body_too_large", "The body is larger than " + maxBytes + " bytes.");
        }
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (RuntimeException e) {
            throw ApiException.badRequest("invalid_json", "The body must be a JSON object.");
        }
        if (body == null) {
            throw ApiException.badRequest("invalid_json", "The body must be a JSON object.");
        }
        return body;
    }

    /**
     * Runs {@code work} on a worker thread and hands its result to {@code respond} on the event loop. An
     * {@link ApiException} from the work is the answer; any other failure is a 503 (storage trouble), logged.
     */
    public static <T> void blocking(RoutingContext ctx, Callable<T> work, Consumer<T> respond) {
        ctx.vertx().executeBlocking(work).onComplete(ar -> {
            if (ar.succeeded()) {
                respond.accept(ar.result());
            } else if (ar.cause() instanceof ApiException api) {
                ctx.fail(api);
            } else {
                MongoOutage.warnUnlessOutage(LOG, ar.cause(), "Console request {} {} failed", ctx.request().method(),
                        ctx.normalizedPath());
                ctx.fail(new ApiException(503, "storage_unavailable", "Tips cannot be read or changed right now; try again shortly."));
            }
        });
    }

    public static void json(RoutingContext ctx, int status, Object body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(body instanceof JsonObject o ? o.encode() : io.vertx.core.json.Json.encode(body));
    }

    /** Optional text of at most {@code max} characters without control characters, or a 400 naming the field. */
    public static String optionalText(JsonObject body, String field, int max) {
        Object value = body.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text) || text.length() > max
                || text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new ApiException(400, "invalid_fields", "Some fields are missing or invalid; see 'fields'.",
                    java.util.Map.of(field, "must be text of at most " + max + " characters"));
        }
        return text.strip().isEmpty() ? null : text.strip();
    }
}
