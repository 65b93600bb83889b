package org.hotline.ivr.flow.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hotline.ivr.TipReceipt;
import org.hotline.ivr.flow.Flow;
import org.hotline.ivr.flow.TipFields;

/** What one call has captured so far; owned by the call's thread. */
final class CallState {

    final String callId;
    final String callerNumber;
    final Instant startedAt;
    final Map<String, String> answers = new LinkedHashMap<>();
    final Map<String, Boolean> consents = new LinkedHashMap<>();
    private final Map<String, Integer> visits = new HashMap<>();
    Flow flow;
    String language;
    String lastNode;
    String recording;
    boolean anyKey;
    boolean capturing;
    boolean submitted;
    TipReceipt receipt;
    /** A hand-off to intake started and not yet awaited (see {@link TipHandOff#start}), or null. */
    CompletableFuture<TipReceipt> pendingReceipt;
    /** A reference whose PIN the caller proved in this call (follow-up), or null. */
    String verifiedReference;

    CallState(String callId, String callerNumber, Instant startedAt, Flow flow, String language) {
        this.callId = callId;
        this.callerNumber = callerNumber;
        this.startedAt = startedAt;
        this.flow = flow;
        this.language = language;
        this.capturing = flow.capturesTip();
    }

    /** Counts a visit to a node of the current flow and returns how many there have been. */
    int visit(String nodeId) {
        lastNode = nodeId;
        return visits.merge(flow.id() + "/" + nodeId, 1, Integer::sum);
    }

    /** A tip field, or a consent as {@code consent.<purpose>} ("true"/"false"), or null. */
    String field(String name) {
        return TipFields.read(name, answers, consents);
    }
}
