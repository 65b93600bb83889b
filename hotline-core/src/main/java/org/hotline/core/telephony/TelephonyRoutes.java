package org.hotline.core.telephony;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Optional;
import org.hotline.core.auth.Access;
import org.hotline.core.auth.Principal;
import org.hotline.core.auth.Role;
import org.hotline.core.http.ApiException;
import org.hotline.core.http.ApiRoutes;
import org.hotline.core.live.OperatorDirectory;

/**
 * The operator's telephony API:
 * <ul>
 *   <li>{@code GET /api/interpreters} (OPERATOR, SUPERVISOR): the directory's languages, and who would be called now;</li>
 *   <li>{@code POST /api/operators/me/interpreter} {@code {"language": "fr"}} (OPERATOR): adds an interpreter to my
 *       call; answers when the interpreter's line answered ({@code outcome: JOINED}) or gave up
 *       ({@code outcome: UNREACHABLE} with the reason; the caller is still with me);</li>
 *   <li>{@code DELETE /api/operators/me/interpreter} (OPERATOR): removes the interpreter; the caller stays with me.</li>
 * </ul>
 */
public final class TelephonyRoutes implements ApiRoutes {

    private final Vertx vertx;
    private final InterpreterBridge interpreters;
    private final OperatorDirectory phones;
    private final Clock clock;

    public TelephonyRoutes(Vertx vertx, InterpreterBridge interpreters, OperatorDirectory phones, Clock clock) {
        this.vertx = vertx;
        this.interpreters = interpreters;
        this.phones = phones;
        this.clock = clock;
    }

    @Override
    public void mount(Router router, Access access) {
        router.get("/api/interpreters").handler(access.require(Role.OPERATOR, Role.SUPERVISOR)).handler(this::languages);
        router.post("/api/operators/me/interpreter").handler(access.require(Role.OPERATOR)).handler(this::validateAdd);
        router.delete("/api/operators/me/interpreter").handler(access.require(Role.OPERATOR)).handler(this::drop);
    }

    private void languages(RoutingContext ctx) {
        JsonArray list = new JsonArray();
        var directory = interpreters.directory();
        directory.languages().forEach(language -> {
            JsonObject entry = new JsonObject().put("language", language);
            directory.available(language, clock.instant()).ifPresentOrElse(
                    i -> entry.put("availableNow", true).put("name", i.name()),
                    () -> entry.put("availableNow", false));
            list.add(entry);
        });
        ctx.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("languages", list).encode());
    }

    private void validateAdd(RoutingContext ctx) {
        Object language;
        try {
            JsonObject body = ctx.body() == null ? null : ctx.body().asJsonObject();
            language = body == null ? null : body.getValue("language");
        } catch (RuntimeException e) {
            ctx.fail(ApiException.badRequest("invalid_json", "The body must be a JSON object."));
            return;
        }
        if (!(language instanceof String code) || !code.matches("[a-z]{2,3}")) {
            ctx.fail(ApiException.badRequest("invalid_language",
                    "'language' must be a 2- or 3-letter lower-case language code such as fr."));
            return;
        }
        doAdd(ctx, code);
    }

    private void doAdd(RoutingContext ctx, String language) {
        Principal principal = Access.principal(ctx);
        vertx.executeBlocking(() -> interpreters.add(principal.userId(), phone(principal), language))
                .compose(Future::fromCompletionStage)
                .onSuccess(outcome -> ctx.response().putHeader("Content-Type", "application/json")
                        .end(toJson(outcome).encode()))
                .onFailure(e -> ctx.fail(toApi(e)));
    }

    private void drop(RoutingContext ctx) {
        Principal principal = Access.principal(ctx);
        vertx.executeBlocking(() -> {
            interpreters.drop(principal.userId(), phone(principal));
            return true;
        }).onSuccess(ok -> ctx.response().putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("dropped", true).encode()))
                .onFailure(e -> ctx.fail(toApi(e)));
    }

    private String phone(Principal principal) throws TelephonyRefused {
        Optional<String> phone = phones.agentInterface(principal);
        return phone.orElseThrow(() -> new TelephonyRefused(409, "no_phone",
                "No phone is assigned to your account; ask an administrator."));
    }

    static JsonObject toJson(InterpreterOutcome outcome) {
        return switch (outcome) {
            case InterpreterOutcome.Joined j -> new JsonObject().put("outcome", "JOINED").put("language", j.language())
                    .put("interpreter", j.interpreterName());
            case InterpreterOutcome.Unreachable u -> new JsonObject().put("outcome", "UNREACHABLE")
                    .put("language", u.language()).put("interpreter", u.interpreterName()).put("reason", u.reason())
                    .put("message", "The interpreter's line did not answer (" + u.reason()
                            + "); the caller is still with you.");
        };
    }

    static Throwable toApi(Throwable e) {
        Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof TelephonyRefused refused) {
            return new ApiException(refused.status(), refused.code(), refused.getMessage());
        }
        return cause instanceof ApiException ? cause
                : new ApiException(503, "storage_unavailable", "Your phone or the referral cannot be looked up now.");
    }
}
