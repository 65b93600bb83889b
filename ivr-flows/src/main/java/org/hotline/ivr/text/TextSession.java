package org.hotline.ivr.text;

import java.time.Instant;
import java.util.Map;

/**
 * One text conversation's state between two messages: where it waits, what it captured. Immutable and made of
 * plain values, so the host can persist it and any node can continue the conversation.
 *
 * @param id the session id (also the tip's call id)
 * @param channel {@code sms} or {@code chat} (stored as the tip's source)
 * @param sender the address replies go to (a phone number, a chat id); the host keeps it protected
 * @param node the listening node waiting for a reply, or null when the session is not active
 * @param failures wrong replies at {@code node} so far
 * @param anyReply whether the sender answered anything yet (a partial tip is {@code ABANDONED}, else {@code SILENT})
 * @param capturing whether the flow produces a tip
 * @param submitted whether the tip was handed to intake
 * @param reference the reference the sender was given, or null; it is sent once and never again
 * @param verifiedReference a reference whose PIN the sender proved (follow-up), or null
 */
public record TextSession(String id, String channel, String sender, String flowId, String node, String language,
                          Map<String, String> answers, Map<String, Boolean> consents, Map<String, Integer> visits,
                          int failures, boolean anyReply, boolean capturing, boolean submitted, String reference,
                          String verifiedReference, State state, Instant startedAt, Instant lastActivity) {

    /** Where a conversation stands. */
    public enum State {
        /** Waiting for the sender's reply at {@code node}. */
        ACTIVE,
        /** Handed to an operator: the sender's messages are for the operator. */
        OPERATOR,
        /** The flow reached its end (goodbye, emergency). */
        ENDED,
        /** The sender sent a stop keyword: nothing more is sent. */
        STOPPED,
        /** Nothing came for longer than the idle limit. */
        EXPIRED;

        /** Whether a further message belongs to this conversation (else it starts a new one). */
        public boolean open() {
            return this == ACTIVE || this == OPERATOR;
        }
    }

    public TextSession {
        answers = Map.copyOf(answers);
        consents = Map.copyOf(consents);
        visits = Map.copyOf(visits);
    }
}
