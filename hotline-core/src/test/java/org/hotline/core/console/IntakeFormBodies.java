package org.hotline.core.console;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Intake form bodies for tests: a complete, valid forced-labour report in region MO. */
final class IntakeFormBodies {

    static final String EMPLOYER = "Kpatawee Rubber Farm, owner J. Doe";

    private IntakeFormBodies() {}

    static JsonObject forcedLabour() {
        return new JsonObject()
                .put("language", "en")
                .put("callerRole", "witness")
                .put("exploitationType", "forced_labour")
                .put("region", "MO")
                .put("location", "rubber camp behind the old mill")
                .put("childInvolved", false)
                .put("immediateDanger", false)
                .put("victims", new JsonObject().put("count", 12).put("ageGroup", "adult_18_25").put("gender", "male")
                        .put("nationality", "SL"))
                .put("employer", EMPLOYER)
                .put("sector", "agriculture")
                .put("recruitment", "job_offer")
                .put("controlMethods", new JsonArray().add("debt_bondage").add("withheld_documents"))
                .put("needs", new JsonObject().put("shelter", true).put("medical", false).put("legal", true)
                        .put("repatriation", true))
                .put("narrative", "workers are not paid and cannot leave")
                .put("consents", new JsonObject().put("record", false).put("callback", false)
                        .put("share_identity_police", false).put("share_services", true).put("statistics", true));
    }
}
