package org.hotline.core.console;

import static org.hotline.core.http.Handlers.blocking;
import static org.hotline.core.http.Handlers.body;
import static org.hotline.core.http.Handlers.json;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.hotline.core.auth.Access;
import org.hotline.core.auth.Principal;
import org.hotline.core.auth.Role;
import org.hotline.core.http.Handlers;
import org.hotline.core.http.ApiException;
import org.hotline.core.http.ApiRoutes;
import org.hotline.core.intake.ReferenceCodec;
import org.hotline.core.pathway.ActivePathway;
import org.hotline.pathway.TipFields;

/**
 * The operator console's API (OPERATOR; supervisors may take calls too):
 * <ul>
 *   <li>{@code GET /api/console/form}: the intake form's choices (regions of the active pathway, codes);</li>
 *   <li>{@code POST /api/console/intake}: an intake form; completes the tip of {@code reference} or creates one;</li>
 *   <li>{@code POST /api/console/tips/{reference}/emergency}: immediate danger, routed again at once;</li>
 *   <li>{@code GET /api/console/tips/mine}: tips I took, with their referrals' states;</li>
 *   <li>{@code GET /api/console/callbacks} and {@code POST /api/console/callbacks/{reference}/done}
 *       (OPERATOR): callbacks due inside the caller's safe window, and their result.</li>
 * </ul>
 */
public final class OperatorRoutes implements ApiRoutes {

    static final int MAX_FORM_BYTES = 32 * 1024;
    static final int MAX_SMALL_BYTES = 4 * 1024;
    static final List<String> CALLBACK_RESULTS = List.of("reached", "no_answer", "unsafe_to_talk", "wrong_number");
    private static final Role[] TAKERS = {Role.OPERATOR, Role.SUPERVISOR};

    private final IntakeService intake;
    private final TipDesk desk;
    private final ActivePathway pathway;
    private final Supplier<List<String>> languages;

    /** {@code languages}: the IVR's languages as they are now (one per prompt catalogue). */
    public OperatorRoutes(IntakeService intake, TipDesk desk, ActivePathway pathway, Supplier<List<String>> languages) {
        this.intake = intake;
        this.languages = languages;
        this.desk = desk;
        this.pathway = pathway;
    }

    @Override
    public void mount(Router router, Access access) {
        router.get("/api/console/form").handler(access.require(TAKERS)).handler(this::form);
        router.post("/api/console/intake").handler(access.require(TAKERS)).handler(this::submit);
        router.post("/api/console/tips/:reference/emergency").handler(access.require(TAKERS)).handler(this::emergency);
        router.get("/api/console/tips/mine").handler(access.require(TAKERS))
                .handler(ctx -> blocking(ctx, () -> desk.myTips(Access.principal(ctx)), tips -> json(ctx, 200,
                        new JsonObject().put("tips", tips))));
        router.get("/api/console/callbacks").handler(access.require(Role.OPERATOR))
                .handler(ctx -> blocking(ctx, () -> desk.callbacksDue(Access.principal(ctx)), due -> json(ctx, 200,
                        new JsonObject().put("callbacks", due))));
        router.post("/api/console/callbacks/:reference/done").handler(access.require(Role.OPERATOR))
                .handler(this::callbackDone);
    }

    private void form(RoutingContext ctx) {
        json(ctx, 200, new JsonObject()
                .put("regions", new JsonArray(List.copyOf(pathway.get().regionKeypad().values())))
                .put("callerRoles", new JsonArray(TipFields.CALLER_ROLES))
                .put("exploitationTypes", new JsonArray(pathway.get().exploitationTypes()))
                .put("ageGroups", new JsonArray(IntakeForms.AGE_GROUPS))
                .put("genders", new JsonArray(IntakeForms.GENDERS))
                .put("recruitment", new JsonArray(IntakeForms.RECRUITMENT))
                .put("controlMethods", new JsonArray(IntakeForms.CONTROL_METHODS))
                .put("needs", new JsonArray(IntakeForms.NEEDS))
                .put("languages", new JsonArray(IntakeForms.choices(languages.get())))
                .put("callbackWindows", new JsonArray(CallbackWindow.codes()))
                .put("consentPurposes", new JsonArray(TipFields.CONSENT_PURPOSES)));
    }

    private void submit(RoutingContext ctx) {
        JsonObject body = body(ctx, MAX_FORM_BYTES, false);
        IntakeValidation checked = IntakeForms.validate(body, Set.copyOf(pathway.get().regionKeypad().values()),
                languages.get());
        switch (checked) {
            case IntakeValidation.Invalid invalid -> ctx.fail(ApiException.invalidFields(invalid.errors()));
            case IntakeValidation.Valid valid -> {
                Principal by = Access.principal(ctx);
                blocking(ctx, () -> intake.submit(valid.form(), by), outcome -> answer(ctx, outcome));
            }
        }
    }

    private void emergency(RoutingContext ctx) {
        String reference = reference(ctx);
        String note = Handlers.optionalText(body(ctx, MAX_SMALL_BYTES, true), "note", 500);
        Principal by = Access.principal(ctx);
        blocking(ctx, () -> intake.emergency(reference, note, by), outcome -> answer(ctx, outcome));
    }

    private void callbackDone(RoutingContext ctx) {
        String reference = reference(ctx);
        Object result = body(ctx, MAX_SMALL_BYTES, false).getValue("result");
        if (!(result instanceof String r) || !CALLBACK_RESULTS.contains(r)) {
            throw ApiException.invalidFields(Map.of("result", "must be one of " + String.join(", ", CALLBACK_RESULTS)));
        }
        Principal by = Access.principal(ctx);
        blocking(ctx, () -> desk.callbackDone(reference, r, by), done -> {
            if (!done) {
                ctx.fail(ApiException.notFound("No open tip has that reference."));
            } else {
                json(ctx, 200, new JsonObject().put("reference", reference).put("result", r));
            }
        });
    }

    private static void answer(RoutingContext ctx, IntakeOutcome outcome) {
        switch (outcome) {
            case IntakeOutcome.Created c -> json(ctx, 201, new JsonObject().put("reference", c.reference())
                    .put("pin", c.pin()).put("created", true));
            case IntakeOutcome.Completed c -> json(ctx, 200, new JsonObject().put("reference", c.reference())
                    .put("created", false).put("revision", c.revision())
                    .put("recipients", new JsonArray(c.recipients()))
                    .put("updated", new JsonArray(c.updated().stream().sorted().toList())));
            case IntakeOutcome.Kept k -> json(ctx, 202, new JsonObject().put("reference", k.reference())
                    .put("created", false).put("kept", true).put("message", k.emergency()
                            ? "The database is unreachable: this emergency is kept on this node and sent to the agencies"
                                    + " as soon as it is back. Alert the police or the duty officer by phone now."
                            : "The database is unreachable: the form is kept on this node and saved and routed as soon"
                                    + " as it is back. Nothing more to do."));
            case IntakeOutcome.NotFound n -> ctx.fail(ApiException.notFound("No tip has reference " + n.reference() + "."));
            case IntakeOutcome.Closed c -> ctx.fail(new ApiException(409, "tip_closed",
                    "Tip " + c.reference() + " is closed; ask a supervisor."));
        }
    }

    static String reference(RoutingContext ctx) {
        String reference = ctx.pathParam("reference");
        if (!ReferenceCodec.isWellFormed(reference)) {
            throw ApiException.badRequest("invalid_reference", "A reference is 9 digits with a valid check digit.");
        }
        return reference;
    }
}
