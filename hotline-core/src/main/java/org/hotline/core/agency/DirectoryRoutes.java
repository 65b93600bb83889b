package org.hotline.core.agency;

import static org.hotline.core.http.Handlers.blocking;
import static org.hotline.core.http.Handlers.json;

import io.vertx.ext.web.Router;
import org.hotline.core.auth.Access;
import org.hotline.core.auth.Role;
import org.hotline.core.http.ApiRoutes;

/**
 * {@code GET /api/agency/directory}: the {@link AgencyDirectory} for ministry administrators, supervisors and
 * auditors; {@code GET /api/agency/directory/hsds}: the same directory as Open Referral HSDS 3 tables (a download).
 */
public final class DirectoryRoutes implements ApiRoutes {

    private final AgencyDirectory directory;

    public DirectoryRoutes(AgencyDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void mount(Router router, Access access) {
        router.get("/api/agency/directory").handler(access.require(Role.MINISTRY_ADMIN, Role.SUPERVISOR, Role.AUDITOR))
                .handler(ctx -> blocking(ctx, directory::directory, body -> json(ctx, 200, body)));
        router.get("/api/agency/directory/hsds").handler(access.require(Role.MINISTRY_ADMIN, Role.SUPERVISOR,
                Role.AUDITOR)).handler(ctx -> {
                    ctx.response().putHeader("Content-Disposition", "attachment; filename=\"directory-hsds.json\"");
                    json(ctx, 200, directory.hsds());
                });
    }
}
