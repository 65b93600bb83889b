package org.hotline.ivr.server.internal;

import java.util.List;
import java.util.Map;
import org.asteriskjava.fastagi.AgiRequest;
import org.hotline.ivr.agi.ScriptName;
import org.hotline.ivr.server.CallInfo;

/** Checks that an agi_ block carries what a call needs, and names the call it describes. */
final class RequestCheck {

    private static final List<String> REQUIRED = List.of("network_script", "channel", "uniqueid");

    private RequestCheck() {}

    /** Why this request cannot run, or null when it can. */
    static String problem(CallSocket socket, AgiRequest request) {
        if (socket.headerProblem() != null) {
            return socket.headerProblem();
        }
        Map<String, String> values = request.getRequest();
        for (String key : REQUIRED) {
            String value = values.get(key);
            if (value == null || value.isBlank()) {
                return "the agi_ block has no agi_" + key;
            }
        }
        return null;
    }

    static CallInfo describe(AgiRequest request) {
        String networkScript = request.getRequest().get("network_script");
        int question = networkScript.indexOf('?');
        String query = question < 0 ? "" : networkScript.substring(question + 1);
        return new CallInfo(request.getUniqueId(), request.getChannel(), ScriptName.of(networkScript), query,
                request.getCallerIdNumber(), request.getLanguage());
    }
}
