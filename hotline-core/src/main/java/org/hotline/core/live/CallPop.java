package org.hotline.core.live;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import org.hotline.pathway.TipFields;

/**
 * What an operator sees when a call from the IVR reaches them: what the caller already keyed in. Never the
 * caller's number. {@code tipFound} is false when the tip was not (yet) readable; then only the reference and
 * language from the channel are shown. {@code consents} holds the purposes the caller answered (true given, false
 * refused); a purpose missing from it was never asked. {@code interpreterLanguage} is the language the caller chose
 * in the IVR that has no prompts ({@code HOTLINE_INTERPRETER}), empty when none: the operator adds an interpreter for
 * it. {@code abuseWarning}: the calling number is flagged for abusive calls (the call is handled like any other).
 */
public record CallPop(String callId, String agent, String queue, Instant connectedAt, long waitedSeconds,
        String reference, String language, boolean tipFound, String exploitationType, String region,
        Boolean childInvolved, Boolean immediateDanger, Map<String, Boolean> consents, boolean recordingAvailable, String interpreterLanguage, boolean abuseWarning) {

    public CallPop {
        consents = Map.copyOf(consents);
        interpreterLanguage = interpreterLanguage == null ? "" : interpreterLanguage;
    }

    public JsonObject toJson() {
        JsonObject consentJson = new JsonObject();
        if (tipFound) {
            // every purpose: true given, false refused, null never asked (the console shows "not asked")
            TipFields.CONSENT_PURPOSES.forEach(purpose -> consentJson.put(purpose, consents.get(purpose)));
        }
        return new JsonObject().put("callId", callId).put("agent", agent).put("queue", queue)
                .put("connectedAt", connectedAt.toString()).put("waitedSeconds", waitedSeconds)
                .put("reference", reference).put("language", language).put("tipFound", tipFound)
                .put("exploitationType", exploitationType).put("region", region)
                .put("childInvolved", childInvolved).put("immediateDanger", immediateDanger)
                .put("consents", consentJson).put("recordingAvailable", recordingAvailable)
                .put("interpreterLanguage", interpreterLanguage).put("abuseWarning", abuseWarning);
    }
}
