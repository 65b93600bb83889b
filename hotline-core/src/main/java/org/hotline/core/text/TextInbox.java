package org.hotline.core.text;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.bson.Document;
import org.hotline.core.crypto.TipCipher;
import org.hotline.core.intake.JournaledQueue;
import org.hotline.core.storage.MongoOutage;

/**
 * Where the gateways' messages come in. Each goes to its gateway's handler (a conversation, or an agency's
 * answer). While MongoDB cannot be reached the message is kept sealed (sender and words encrypted) in the node's
 * text journal and the gateway is told it was taken, so a gateway's limited redelivery cannot lose it; once
 * MongoDB answers, the journal's writer hands each kept message to its handler, in order. A message is handled
 * once by its gateway id, so a kept message the gateway also delivered again changes nothing.
 */
public final class TextInbox {

    /** What a kept message is answered with; the reply follows once MongoDB is back. */
    public static final String KEPT = "KEPT";

    private final Optional<JournaledQueue> journal;
    private final TipCipher cipher;
    private final Map<String, Function<InboundText, String>> handlers = new ConcurrentHashMap<>();

    /**
     * @param journal the text journal (opened; the owner starts its writer with {@link #applyKept}); without one a
     *     message that cannot be stored fails, and the gateway keeps it
     */
    public TextInbox(Optional<JournaledQueue> journal, TipCipher cipher) {
        this.journal = journal;
        this.cipher = cipher;
    }

    /** Sends the messages of {@code gateway} to {@code handler} (which answers what became of each). */
    void route(String gateway, Function<InboundText, String> handler) {
        handlers.put(gateway, handler);
    }

    /** Hands {@code in} to its gateway's handler, or keeps it while MongoDB is down; answers what became of it. */
    String take(InboundText in) {
        try {
            return handler(in).apply(in);
        } catch (RuntimeException e) {
            if (journal.isEmpty() || !MongoOutage.isOutage(e)) {
                throw e;
            }
            journal.get().add(sealed(in));
            return KEPT;
        }
    }

    /** The kept messages, once MongoDB is back; a failure leaves them in the journal to be tried again. */
    public void applyKept(List<Document> kept) {
        for (Document sealed : kept) {
            InboundText in = open(sealed);
            handler(in).apply(in);
        }
    }

    private Function<InboundText, String> handler(InboundText in) {
        Function<InboundText, String> handler = handlers.get(in.gateway());
        if (handler == null) {
            throw new IllegalStateException("no handler for messages of " + in.gateway());
        }
        return handler;
    }

    private Document sealed(InboundText in) {
        String id = "text:" + in.gateway() + ":" + in.messageId();
        return new Document("_id", id).append("channel", in.channel()).append("gateway", in.gateway())
                .append("messageId", in.messageId()).append("binary", in.binary())
                .append("sender", cipher.sealText(id, "sender", in.sender()))
                .append("text", cipher.sealText(id, "text", in.text()));
    }

    private InboundText open(Document sealed) {
        String id = sealed.getString("_id");
        return new InboundText(sealed.getString("channel"), sealed.getString("gateway"),
                cipher.openText(id, "sender", sealed.getString("sender")), sealed.getString("messageId"),
                cipher.openText(id, "text", sealed.getString("text")), sealed.getBoolean("binary", false));
    }
}
