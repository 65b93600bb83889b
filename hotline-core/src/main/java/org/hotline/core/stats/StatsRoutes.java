package org.hotline.core.stats;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.Set;
import org.hotline.core.auth.Access;
import org.hotline.core.auth.Role;
import org.hotline.core.http.ApiException;
import org.hotline.core.http.ApiRoutes;

/**
 * Statistics in the HTTP API: {@code GET /api/stats} (JSON, small cells suppressed), {@code GET /api/stats/survey}
 * (post-contact survey answers by question and answer, whole months, small cells suppressed),
 * {@code GET /api/stats/export?format=csv|json} (k-anonymised, audited) and the statistics and monthly report
 * pages under {@code /stats/}. Supervisors, ministry administrators and auditors only.
 */
public final class StatsRoutes implements ApiRoutes {

    private static final Role[] ROLES = {Role.SUPERVISOR, Role.MINISTRY_ADMIN, Role.AUDITOR};
    private static final Set<String> FORMATS = Set.of("csv", "json");
    /** The pages load only their own scripts, styles and API; no inline code, no other origin. */
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final StatsService stats;
    private final ResearchExport export;

    public StatsRoutes(StatsService stats, ResearchExport export) {
        this.stats = stats;
        this.export = export;
    }

    @Override
    public void mount(Router router, Access access) {
        router.get("/api/stats").handler(access.require(ROLES)).handler(this::statistics);
        router.get("/api/stats/export").handler(access.require(ROLES)).handler(this::export);
        router.get("/api/stats/survey").handler(access.require(ROLES)).handler(this::survey);
        router.get("/stats/*").handler(ctx -> {
            if (ctx.request().path().equals("/stats")) {
                // the pages link their scripts relatively, which needs the trailing slash
                ctx.redirect("/stats/");
                return;
            }
            ctx.response().putHeader("Content-Security-Policy", CSP).putHeader("X-Content-Type-Options", "nosniff");
            ctx.next();
        }).handler(StaticHandler.create("web/stats").setCachingEnabled(false).setIndexPage("index.html"));
    }

    private StatsFilter filter(RoutingContext ctx) {
        return switch (StatsFilter.parse(ctx.request()::getParam, stats.today())) {
            case StatsFilter.Parsed.Valid v -> v.filter();
            case StatsFilter.Parsed.Invalid i -> throw ApiException.badRequest("invalid_filter",
                    String.join("; ", i.problems()));
        };
    }

    private void statistics(RoutingContext ctx) {
        StatsFilter filter;
        try {
            filter = filter(ctx);
        } catch (ApiException e) {
            ctx.fail(e);
            return;
        }
        ctx.vertx().executeBlocking(() -> StatsJson.render(stats.compute(filter))).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(unavailable());
            } else {
                ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                        .end(ar.result().encode());
            }
        });
    }

    private void survey(RoutingContext ctx) {
        StatsFilter filter;
        try {
            filter = filter(ctx);
            if (filter.region().isPresent()) {
                throw ApiException.badRequest("invalid_filter", "survey answers carry no region; leave region out");
            }
        } catch (ApiException e) {
            ctx.fail(e);
            return;
        }
        ctx.vertx().executeBlocking(() -> stats.survey(filter).toJson()).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(unavailable());
            } else {
                ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                        .end(ar.result().encode());
            }
        });
    }

    private void export(RoutingContext ctx) {
        String format = ctx.request().getParam("format", "csv");
        StatsFilter filter;
        try {
            filter = filter(ctx);
            if (!FORMATS.contains(format)) {
                throw ApiException.badRequest("invalid_format", "format must be csv or json");
            }
        } catch (ApiException e) {
            ctx.fail(e);
            return;
        }
        String actor = Access.principal(ctx).userId();
        ctx.vertx().executeBlocking(() -> export.export(filter, format, actor)).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(unavailable());
                return;
            }
            ExportResult result = ar.result();
            String name = "hotline-export-" + filter.from() + "-" + filter.to() + "." + format;
            ctx.response().putHeader("Cache-Control", "no-store")
                    .putHeader("Content-Disposition", "attachment; filename=\"" + name + "\"")
                    .putHeader("X-Export-K", String.valueOf(result.k()))
                    .putHeader("X-Export-Exported", String.valueOf(result.records().size()))
                    .putHeader("X-Export-Suppressed", String.valueOf(result.suppressed()))
                    .putHeader("X-Export-Without-Consent", String.valueOf(result.withoutConsent()));
            if (format.equals("csv")) {
                ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8").end(ExportFormats.csv(result));
            } else {
                ctx.response().putHeader("Content-Type", "application/json").end(ExportFormats.json(result).encode());
            }
        });
    }

    private static ApiException unavailable() {
        return new ApiException(503, "storage_unavailable", "Statistics cannot be computed right now; try again shortly.");
    }
}
