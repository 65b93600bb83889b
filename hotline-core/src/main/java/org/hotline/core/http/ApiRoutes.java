package org.hotline.core.http;

import io.vertx.ext.web.Router;
import org.hotline.core.auth.Access;

/**
 * One feature's part of the HTTP API. Each feature mounts its own routes (guarded with {@link Access}) so
 * that features do not edit one shared router. Handlers fail the context with {@link ApiException} for
 * client errors; {@code ApiErrors} turns every failure into the JSON error body.
 */
public interface ApiRoutes {

    void mount(Router router, Access access);
}
