package org.hotline.core.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place API failures become HTTP responses: a JSON body with a stable {@code code} and a {@code message}. */
final class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {}

    static void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        int status;
        String code;
        String message;
        if (failure instanceof ApiException api) {
            status = api.status();
            code = api.code();
            message = api.getMessage();
            if (!api.fields().isEmpty()) {
                sendWithFields(ctx, api);
                return;
            }
        } else if (ctx.statusCode() == 413) {
            status = 413;
            code = "body_too_large";
            message = "The request body is larger than this service accepts.";
        } else if (ctx.statusCode() > 0 && ctx.statusCode() < 500 && failure == null) {
            status = ctx.statusCode();
            code = status == 404 ? "not_found" : status == 405 ? "method_not_allowed" : "bad_request";
            message = status == 404 ? "No such resource." : "The request was not accepted.";
        } else {
            status = 500;
            code = "internal_error";
            message = "Something went wrong on our side; the request may be retried.";
            // Log the cause here only: error bodies never carry internals, secrets or personal data.
            LOG.error("Unhandled API failure on {} {}", ctx.request().method(), ctx.request().path(), failure);
        }
        send(ctx, status, code, message);
    }

    private static void sendWithFields(RoutingContext ctx, ApiException api) {
        if (ctx.response().ended()) {
            return;
        }
        JsonObject fields = new JsonObject();
        api.fields().forEach(fields::put);
        ctx.response().setStatusCode(api.status()).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("code", api.code()).put("message", api.getMessage()).put("fields", fields)
                        .encode());
    }

    static void send(RoutingContext ctx, int status, String code, String message) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("code", code).put("message", message).encode());
    }
}
