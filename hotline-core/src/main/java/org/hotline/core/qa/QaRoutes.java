package org.hotline.core.qa;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.auth.Access;
import org.hotline.core.auth.Role;
import org.hotline.core.crypto.PayloadSeal;
import org.hotline.core.http.ApiException;
import org.hotline.core.http.ApiRoutes;
import org.hotline.core.live.OperatorDirectory;

/**
 * Call quality reviews:
 * <ul>
 *   <li>{@code POST /api/supervisor/qa} (SUPERVISOR) {@code {"reference", "operator": "PJSIP/op-ana", "scores":
 *       {"greeting": 1-5, ...every criterion}, "note"}}: stores a review, the note sealed under the call's tip;</li>
 *   <li>{@code GET /api/stats/qa?from=YYYY-MM-DD&to=YYYY-MM-DD} (SUPERVISOR, MINISTRY_ADMIN, AUDITOR): per operator,
 *       the number of reviews and each criterion's average; an operator with fewer than the statistics' smallest
 *       cell is shown as {@code "< k"} without averages.</li>
 * </ul>
 */
public final class QaRoutes implements ApiRoutes {

    private static final int MAX_NOTE = 2000;

    private final Vertx vertx;
    private final QaReviews reviews;
    private final Function<String, Optional<String>> tipIds;
    private final PayloadSeal seal;
    private final int minCell;
    private final AuditLog audit;
    private final Clock clock;

    public QaRoutes(Vertx vertx, QaReviews reviews, Function<String, Optional<String>> tipIds, PayloadSeal seal,
            int minCell, AuditLog audit, Clock clock) {
        this.vertx = vertx;
        this.reviews = reviews;
        this.tipIds = tipIds;
        this.seal = seal;
        this.minCell = minCell;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void mount(Router router, Access access) {
        router.post("/api/supervisor/qa").handler(access.require(Role.SUPERVISOR)).handler(this::validateReview);
        router.get("/api/stats/qa").handler(access.require(Role.SUPERVISOR, Role.MINISTRY_ADMIN, Role.AUDITOR))
                .handler(this::figures);
    }

    private void validateReview(RoutingContext ctx) {
        JsonObject body;
        try {
            body = ctx.body() == null ? null : ctx.body().asJsonObject();
        } catch (RuntimeException e) {
            body = null;
        }
        Map<String, String> problems = new HashMap<>();
        Object reference = body == null ? null : body.getValue("reference");
        Object operator = body == null ? null : body.getValue("operator");
        Object note = body == null ? null : body.getValue("note");
        Object scores = body == null ? null : body.getValue("scores");
        if (!(reference instanceof String r) || !r.matches("[0-9A-Za-z-]{4,40}")) {
            problems.put("reference", "must be the call's tip reference");
        }
        if (!(operator instanceof String o) || !OperatorDirectory.isValidInterface(o)) {
            problems.put("operator", "must be the operator's phone, e.g. PJSIP/op-ana");
        }
        if (note != null && (!(note instanceof String n) || n.length() > MAX_NOTE)) {
            problems.put("note", "must be text of at most " + MAX_NOTE + " characters");
        }
        Map<String, Integer> parsed = new HashMap<>();
        for (String criterion : QaReview.CRITERIA) {
            Object value = scores instanceof JsonObject s ? s.getValue(criterion) : null;
            if (value instanceof Integer i && i >= 1 && i <= 5) {
                parsed.put(criterion, i);
            } else {
                problems.put("scores." + criterion, "must be a whole number from 1 to 5");
            }
        }
        if (body == null || !problems.isEmpty()) {
            ctx.fail(ApiException.invalidFields(problems.isEmpty() ? Map.of("body", "must be a JSON object") : problems));
            return;
        }
        save(ctx, (String) reference, (String) operator, parsed, note == null ? "" : (String) note);
    }

    private void save(RoutingContext ctx, String reference, String operator, Map<String, Integer> scores, String note) {
        String reviewer = Access.principal(ctx).userId();
        vertx.executeBlocking(() -> {
            String tipId = tipIds.apply(reference).orElseThrow(() -> ApiException.notFound("No report with that reference."));
            QaReview review = new QaReview(UUID.randomUUID().toString(), reference, tipId, operator, reviewer, scores,
                    note.isBlank() ? null : seal.sealText(tipId, "qa.note", note), clock.instant());
            reviews.save(review);
            audit.record(new AuditEvent(reviewer, "qa.review", reference, Map.of("operator", operator,
                    "note", AuditEvent.given(note))));
            return review.id();
        }).onSuccess(id -> ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("id", id).encode()))
                .onFailure(e -> ctx.fail(e instanceof ApiException ? e
                        : new ApiException(503, "storage_unavailable", "The review cannot be stored now.")));
    }

    private void figures(RoutingContext ctx) {
        Instant from;
        Instant to;
        try {
            LocalDate first = LocalDate.parse(Optional.ofNullable(ctx.request().getParam("from")).orElse("1970-01-01"));
            LocalDate last = Optional.ofNullable(ctx.request().getParam("to")).map(LocalDate::parse)
                    .orElse(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
            from = first.atStartOfDay().toInstant(ZoneOffset.UTC);
            to = last.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            ctx.fail(ApiException.badRequest("invalid_date", "'from' and 'to' are dates such as 2026-12-01."));
            return;
        }
        vertx.executeBlocking(() -> reviews.totals(from, to)).onSuccess(totals -> {
            JsonArray operators = new JsonArray();
            totals.forEach(t -> {
                JsonObject row = new JsonObject().put("operator", t.operator());
                if (t.reviews() < minCell) {
                    // a handful of reviews would let anyone who knows one of them read the others' scores
                    row.put("reviews", "< " + minCell);
                } else {
                    JsonObject averages = new JsonObject();
                    QaReview.CRITERIA.forEach(c -> averages.put(c,
                            Math.round(10.0 * t.sums().getOrDefault(c, 0L) / t.reviews()) / 10.0));
                    row.put("reviews", t.reviews()).put("averages", averages);
                }
                operators.add(row);
            });
            ctx.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                    .put("minCell", minCell).put("operators", operators).encode());
        }).onFailure(e -> ctx.fail(new ApiException(503, "storage_unavailable", "The figures cannot be read now.")));
    }
}
