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

    /** A stored session, its version for optimistic updates and the ids of the messages it took in. */
    record Stored(TextSession session, long version, List<String> messageIds) {}

    /** The sender's open conversation (active or with an operator), if any. */
    Optional<Stored> open(String senderKey);

    /** Whether any conversation of this sender already took in the message with this gateway id. */
    boolean seen(String senderKey, String messageId);

    /**
     * Stores the session as of after {@code messageId} ({@code version} 0: a new session).
     *
     * @return false when another node changed it meanwhile (nothing stored; read it again)
     */
    boolean save(String senderKey, TextSession session, long version, String messageId);

    /** Keeps a message the flow did not read (too long, binary, over the rate, for the operator), encrypted. */
    void hold(String sessionId, String text, Instant at);

    /** Active sessions whose last message is older than {@code before}. */
    List<Stored> idleSince(Instant before, int limit);
}
