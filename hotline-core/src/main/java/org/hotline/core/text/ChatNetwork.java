package org.hotline.core.text;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * A chat network the hotline answers on (Telegram; WhatsApp Cloud API or a Signal gateway would be one more
 * implementation): its webhook at {@code /api/chat/<name>/webhook} is checked and read here, and replies go out
 * through {@link #send}. Conversations, storage, the outbox and safety rules are shared by all networks.
 */
public interface ChatNetwork extends TextGateway {

    /** Whether a webhook call really comes from the network (a shared secret header, a signature). */
    boolean authentic(MultiMap headers, byte[] body);

    /**
     * The person's message in one webhook update, if it carries one (other updates, e.g. an edit or a member
     * change, are acknowledged and ignored).
     *
     * @throws IllegalArgumentException when the update is not the network's JSON (answered 400, nothing stored)
     */
    Optional<InboundText> message(JsonObject update);
}
