package org.hotline.core.text;

import java.io.IOException;

/**
 * Sends a message out through one gateway (Kannel's sendsms, a chat network's API). Another gateway is one
 * more implementation; the conversations and the outbox do not change.
 */
public interface TextGateway {

    /** The gateway's name as stored on queued replies ({@code kannel}, {@code telegram}). */
    String name();

    /**
     * Sends {@code text} to {@code to}; returns only when the gateway accepted it.
     *
     * @throws IOException when it did not (down, refused): the reply stays queued and is tried again
     */
    void send(String to, String text) throws IOException;
}
