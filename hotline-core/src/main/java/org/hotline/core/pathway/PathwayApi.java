package org.hotline.core.pathway;

import com.mongodb.MongoException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hotline.core.auth.Access;
import org.hotline.core.auth.Principal;
import org.hotline.core.auth.Role;
import org.hotline.core.http.ApiException;
import org.hotline.core.http.ApiRoutes;
import org.hotline.core.pathway.internal.PathwayJson;
import org.hotline.pathway.CoverageMatrix;
import org.hotline.pathway.LoadResult;
import org.hotline.pathway.Pathway;
import org.hotline.pathway.PathwayDiff;
import org.hotline.pathway.PathwaySimulator;
import org.hotline.pathway.SampleTips;

/**
 * The pathway lifecycle over HTTP, under {@code /api/pathways}. Ministry administrators draft, submit,
 * approve, activate and roll back; auditors and supervisors may also read, validate, simulate, diff and see
 * coverage. Pathway and sample-tip texts are request bodies (YAML; JSON is YAML too); transitions take
 * {@code {"reason": ..., "effectiveAt"?: ISO-8601, "versionId"?: ...}}. Refusals answer the API's JSON
 * error with a stable code; problems in a pathway text come in {@code fields}, keyed by YAML path.
 */
public final class PathwayApi implements ApiRoutes {

    private static final String BASE = "/api/pathways";
    private static final Role[] READERS = {Role.MINISTRY_ADMIN, Role.AUDITOR, Role.SUPERVISOR};

    private final PathwayLifecycle lifecycle;
    private final java.util.function.Function<String, Optional<String>> names;

    /**
     * @param names the user name of a user id, for the people the answers mention (empty: unknown or removed)
     */
    public PathwayApi(PathwayLifecycle lifecycle, java.util.function.Function<String, Optional<String>> names) {
        this.names = names;
        this.lifecycle = lifecycle;
    }

    @Override
    public void mount(Router router, Access access) {
        router.get(BASE + "/versions").handler(access.require(READERS)).handler(this::list);
        router.get(BASE + "/active").handler(access.require(READERS)).handler(this::active);
        router.get(BASE + "/versions/:id").handler(access.require(READERS)).handler(this::get);
        router.get(BASE + "/versions/:id/coverage").handler(access.require(READERS)).handler(this::coverage);
        router.post(BASE + "/validate").handler(access.require(READERS)).handler(this::validate);
        router.post(BASE + "/versions/:id/simulate").handler(access.require(READERS)).handler(this::simulate);
        router.post(BASE + "/versions/:id/diff").handler(access.require(READERS)).handler(this::diff);
        router.post(BASE + "/versions").handler(access.require(Role.MINISTRY_ADMIN)).handler(this::createDraft);
        router.put(BASE + "/versions/:id").handler(access.require(Role.MINISTRY_ADMIN)).handler(this::replaceDraft);
        router.post(BASE + "/versions/:id/submit").handler(access.require(Role.MINISTRY_ADMIN)).handler(this::submit);
        router.post(BASE + "/versions/:id/approve").handler(access.require(Role.MINISTRY_ADMIN)).handler(this::approve);
        router.post(BASE + "/versions/:id/activate").handler(access.require(Role.MINISTRY_ADMIN)).handler(this::activate);
        router.post(BASE + "/rollback").handler(access.require(Role.MINISTRY_ADMIN)).handler(this::rollback);
    }

    private void list(RoutingContext ctx) {
        respond(ctx, 200, () -> {
            List<PathwayVersion> versions = lifecycle.list();
            return withPeople(new JsonObject().put("versions",
                    new JsonArray(versions.stream().map(PathwayJson::summary).toList())),
                    versions.stream().flatMap(PathwayApi::people));
        });
    }

    private void active(RoutingContext ctx) {
        respond(ctx, 200, () -> {
            Optional<Activation> now = lifecycle.activationNow();
            List<Activation> schedule = lifecycle.schedule();
            return withPeople(new JsonObject().put("active", now.map(PathwayJson::activation).orElse(null))
                    .put("schedule", new JsonArray(schedule.stream().map(PathwayJson::activation).toList())),
                    java.util.stream.Stream.concat(now.stream(), schedule.stream()).map(Activation::requestedBy));
        });
    }

    private void get(RoutingContext ctx) {
        respond(ctx, 200, () -> {
            PathwayVersion version = lifecycle.get(ctx.pathParam("id"));
            return withPeople(PathwayJson.full(version), people(version));
        });
    }

    /** Everyone a version names: who drafted it and who moved it along. */
    private static java.util.stream.Stream<String> people(PathwayVersion v) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(v.createdBy()),
                v.transitions().stream().map(PathwayVersion.Transition::by));
    }

    /** Adds {@code people}: the user name of each user id in {@code ids} that names a known account. */
    private JsonObject withPeople(JsonObject body, java.util.stream.Stream<String> ids) {
        JsonObject people = new JsonObject();
        ids.filter(java.util.Objects::nonNull).distinct()
                .forEach(id -> names.apply(id).ifPresent(name -> people.put(id, name)));
        return body.put("people", people);
    }

    private void coverage(RoutingContext ctx) {
        respond(ctx, 200, () -> PathwayJson.coverage(CoverageMatrix.of(lifecycle.compile(lifecycle.get(ctx.pathParam("id"))))));
    }

    private void validate(RoutingContext ctx) {
        String yaml = text(ctx);
        respond(ctx, 200, () -> switch (lifecycle.validate(yaml, "pathway.yaml")) {
            case LoadResult.Valid valid -> new JsonObject().put("valid", true).put("pathwayId", valid.pathway().id())
                    .put("version", valid.pathway().version()).put("problems", PathwayJson.problems(valid.warnings()));
            case LoadResult.Invalid invalid -> new JsonObject().put("valid", false)
                    .put("problems", PathwayJson.problems(invalid.problems()));
        });
    }

    private void simulate(RoutingContext ctx) {
        String tipsText = text(ctx);
        respond(ctx, 200, () -> {
            Pathway pathway = lifecycle.compile(lifecycle.get(ctx.pathParam("id")));
            return PathwayJson.simulation(pathway.id(), pathway.version(),
                    PathwaySimulator.simulate(pathway, sampleTips(tipsText)));
        });
    }

    private void diff(RoutingContext ctx) {
        String against = Optional.ofNullable(ctx.queryParams().get("against")).orElse("active");
        String body = ctx.body().asString();
        respond(ctx, 200, () -> {
            Pathway to = lifecycle.compile(lifecycle.get(ctx.pathParam("id")));
            String fromId = against.equals("active") ? lifecycle.activationNow().map(Activation::versionId)
                    .orElseThrow(() -> new ApiException(409, "nothing_active", "No version is active to compare with."))
                    : against;
            Pathway from = lifecycle.compile(lifecycle.get(fromId));
            List<Map<String, Object>> tips = body == null || body.isBlank() ? List.of() : sampleTips(body);
            return PathwayJson.diff(PathwayDiff.compare(from, to, tips));
        });
    }

    private void createDraft(RoutingContext ctx) {
        String yaml = text(ctx);
        Principal by = Access.principal(ctx);
        respond(ctx, 201, () -> PathwayJson.full(lifecycle.createDraft(yaml, by)));
    }

    private void replaceDraft(RoutingContext ctx) {
        String yaml = text(ctx);
        Principal by = Access.principal(ctx);
        respond(ctx, 200, () -> PathwayJson.full(lifecycle.replaceDraft(ctx.pathParam("id"), yaml, by)));
    }

    private void submit(RoutingContext ctx) {
        JsonObject body = json(ctx);
        Principal by = Access.principal(ctx);
        respond(ctx, 200, () -> PathwayJson.full(lifecycle.submit(ctx.pathParam("id"), by, body.getString("reason"))));
    }

    private void approve(RoutingContext ctx) {
        JsonObject body = json(ctx);
        Principal by = Access.principal(ctx);
        respond(ctx, 200, () -> PathwayJson.full(lifecycle.approve(ctx.pathParam("id"), by, body.getString("reason"))));
    }

    private void activate(RoutingContext ctx) {
        JsonObject body = json(ctx);
        Optional<Instant> effectiveAt = instant(ctx, body, "effectiveAt");
        Principal by = Access.principal(ctx);
        respond(ctx, 202, () -> PathwayJson.activation(
                lifecycle.activate(ctx.pathParam("id"), by, body.getString("reason"), effectiveAt)));
    }

    private void rollback(RoutingContext ctx) {
        JsonObject body = json(ctx);
        Principal by = Access.principal(ctx);
        respond(ctx, 202, () -> PathwayJson.activation(
                lifecycle.rollback(Optional.ofNullable(body.getString("versionId")), by, body.getString("reason"))));
    }

    /** Runs the work on a worker thread and answers its JSON, or the mapped error. */
    private static void respond(RoutingContext ctx, int status, Callable<JsonObject> work) {
        if (ctx.failed()) {
            return;
        }
        ctx.vertx().executeBlocking(work).onComplete(ar -> {
            if (ar.succeeded()) {
                ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(ar.result().encode());
            } else {
                ctx.fail(error(ar.cause()));
            }
        });
    }

    /** The one mapping of lifecycle refusals to HTTP statuses. */
    static Throwable error(Throwable cause) {
        if (cause instanceof PathwayLifecycleException e) {
            int status = switch (e.kind()) {
                case INVALID -> e.problems().isEmpty() ? 400 : 422;
                case NOT_FOUND -> 404;
                case FORBIDDEN -> 403;
                case CONFLICT -> 409;
            };
            return e.problems().isEmpty() ? new ApiException(status, e.code(), e.getMessage())
                    : new ApiException(status, e.code(), e.getMessage(), PathwayJson.problemFields(e.problems()));
        }
        if (cause instanceof MongoException) {
            return new ApiException(503, "storage_unavailable", "Pathway versions cannot be read or stored right now.");
        }
        return cause;
    }

    private static String text(RoutingContext ctx) {
        String body = ctx.body().asString();
        if (body == null || body.isBlank()) {
            ctx.fail(ApiException.badRequest("empty_body", "Send the YAML text as the request body."));
            return "";
        }
        return body;
    }

    private static JsonObject json(RoutingContext ctx) {
        try {
            JsonObject body = ctx.body().asJsonObject();
            if (body != null) {
                return body;
            }
        } catch (RuntimeException e) {
            ctx.fail(ApiException.badRequest("invalid_json", "The body must be a JSON object, e.g. {\"reason\": \"...\"}."));
            return new JsonObject();
        }
        ctx.fail(ApiException.badRequest("invalid_json", "The body must be a JSON object, e.g. {\"reason\": \"...\"}."));
        return new JsonObject();
    }

    private static Optional<Instant> instant(RoutingContext ctx, JsonObject body, String key) {
        Object value = body.getValue(key);
        if (value == null || ctx.failed()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.toString()));
        } catch (DateTimeParseException e) {
            ctx.fail(ApiException.badRequest("invalid_effective_time",
                    "'" + key + "' must be an ISO-8601 instant such as 2026-12-01T00:00:00Z."));
            return Optional.empty();
        }
    }

    private static List<Map<String, Object>> sampleTips(String text) {
        return switch (SampleTips.parse(text, "tips.yaml")) {
            case SampleTips.Result.Parsed parsed -> parsed.tips();
            case SampleTips.Result.Invalid invalid -> throw new PathwayLifecycleException(
                    PathwayLifecycleException.Kind.INVALID, "tips_invalid",
                    "The sample tips have " + invalid.problems().size() + " problem(s).", invalid.problems());
        };
    }
}
