package org.hotline.ivr.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.ivr.flow.Flow;
import org.hotline.ivr.flow.TipFields;

/** A session being moved on by one message: mutable while the turn runs, frozen into a {@link TextSession}. */
final class Walk {

    final String id;
    final String channel;
    final String sender;
    final Instant startedAt;
    final Map<String, String> answers;
    final Map<String, Boolean> consents;
    final Map<String, Integer> visits;
    final List<String> out = new ArrayList<>();
    Flow flow;
    String node;
    String lastNode;
    String language;
    int failures;
    boolean anyReply;
    boolean capturing;
    boolean submitted;
    String reference;
    String verifiedReference;
    TextSession.State state;

    Walk(TextSession s, Flow flow) {
        this.id = s.id();
        this.channel = s.channel();
        this.sender = s.sender();
        this.startedAt = s.startedAt();
        this.answers = new LinkedHashMap<>(s.answers());
        this.consents = new LinkedHashMap<>(s.consents());
        this.visits = new LinkedHashMap<>(s.visits());
        this.flow = flow;
        this.node = s.node();
        this.lastNode = s.node();
        this.language = s.language();
        this.failures = s.failures();
        this.anyReply = s.anyReply();
        this.capturing = s.capturing();
        this.submitted = s.submitted();
        this.reference = s.reference();
        this.verifiedReference = s.verifiedReference();
        this.state = s.state();
    }

    /** Counts a visit to a node of the current flow and returns how many there have been. */
    int visit(String nodeId) {
        lastNode = nodeId;
        return visits.merge(flow.id() + "/" + nodeId, 1, Integer::sum);
    }

    /** A tip field, or a consent as {@code consent.<purpose>} ("true"/"false"), or null (as a call reads it). */
    String field(String name) {
        return TipFields.read(name, answers, consents);
    }

    TextSession freeze(Instant now) {
        return new TextSession(id, channel, sender, flow.id(), state == TextSession.State.ACTIVE ? node : null,
                language, answers, consents, visits, failures, anyReply, capturing, submitted, reference,
                verifiedReference, state, startedAt, now);
    }
}
