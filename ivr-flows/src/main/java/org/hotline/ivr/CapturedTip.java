package org.hotline.ivr;

import java.time.Instant;
import java.util.Map;

/**
 * What one call captured, handed by the IVR to intake. The IVR knows calls, not agencies: {@code answers}
 * holds tip fields by name as the flow set them (e.g. {@code exploitationType=forced_labour},
 * {@code region=MO}, {@code childInvolved=true}, {@code immediateDanger=true}), {@code consents} maps a
 * purpose code (e.g. {@code record}, {@code callback}) to the caller's answer.
 *
 * @param callId the Asterisk unique id of the call
 * @param callerNumber the calling number as Asterisk gave it, or null; intake must hash or encrypt it
 * @param language the language the caller chose (e.g. {@code en})
 * @param outcome how the call ended
 * @param lastNode the flow node the caller was in when the call ended
 * @param recording the recording's file reference on the Asterisk server, or null
 * @param flowVersion id and version of the flow that ran the call
 */
public record CapturedTip(
        String callId,
        String callerNumber,
        String language,
        Map<String, String> answers,
        Map<String, Boolean> consents,
        CallOutcome outcome,
        String lastNode,
        String recording,
        String flowVersion,
        Instant startedAt,
        Instant endedAt) {

    public CapturedTip {
        answers = Map.copyOf(answers);
        consents = Map.copyOf(consents);
    }
}
