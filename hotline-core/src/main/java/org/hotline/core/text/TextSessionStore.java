package org.hotline.core.text;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotline.ivr.text.TextSession;

/**
 * Where text conversations live between two messages (MongoDB), so a restart or another node carries on. A
 * sender is known by a keyed hash; the address itself, the answers and held messages are stored encrypted.
 */
public interface TextSessionStore {

    /**
     * A stored session, its version for optimistic updates, the ids of the messages it took in, the gateway its
     * replies go through and how many messages it holds for the operator.
     */
    record Stored(TextSession session, long version, List<String> messageIds, String gateway, int held) {}

    /** One message kept with a conversation: the sender's (author {@code sender}) or an operator's reply. */
    record Held(String author, String text, Instant at) {}

    /** The sender's open conversation (active or with an operator), if any. */
    Optional<Stored> open(String senderKey);

    /** Whether any conversation of this sender already took in the message with this gateway id. */
    boolean seen(String senderKey, String messageId);

    /**
     * Stores the session as of after {@code messageId} ({@code version} 0: a new session, whose replies go
     * through {@code gateway}).
     *
     * @return false when another node changed it meanwhile (nothing stored; read it again)
     */
    boolean save(String senderKey, TextSession session, long version, String messageId, String gateway);

    /**
     * Keeps a message with the conversation, encrypted: one the flow did not read (too long, binary, over the
     * rate, for the operator; author {@code sender}) or an operator's reply (author: the operator's id).
     */
    void hold(String sessionId, String author, String text, Instant at);

    /** One conversation by id. */
    Optional<Stored> byId(String sessionId);

    /** The messages kept with a conversation, opened, oldest first. */
    List<Held> held(String sessionId);

    /** Conversations in progress (active or with an operator), the longest waiting first. */
    List<Stored> inProgress(int limit);

    /** Active sessions whose last message is older than {@code before}. */
    List<Stored> idleSince(Instant before, int limit);
}
