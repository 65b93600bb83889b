package org.hotline.core.telephony;

import java.time.Instant;

/**
 * A caller an operator is talking to, as Asterisk's {@code AgentConnect} reported it: the caller's channel
 * unique id ({@code callId}) and the two channel names a {@code Redirect} moves. {@code reference} is the tip
 * reference the IVR left on the channel (empty when none), {@code interpreterLanguage} the language the IVR
 * flagged for an interpreter (empty when none).
 */
public record ConnectedCall(String callId, String agent, String callerChannel, String agentChannel, String reference,
        String interpreterLanguage, Instant since) {

    /** The ConfBridge conference name for this call: the unique id's digits (a dialplan extension, no dots). */
    public String conference() {
        return callId.replaceAll("[^0-9]", "");
    }

    /** What the audit log names: the tip reference when there is one, else the call's id. */
    public String auditTarget() {
        return reference.isEmpty() ? "call:" + callId : reference;
    }
}
