package org.hotline.core.text;

/**
 * Replies waiting to go out. A reply is stored before anything is sent, so a gateway outage or a restart loses
 * nothing; a worker sends them in order, retrying with back-off.
 */
public interface TextOutbox {

    /** Queues a reply once: a second call with the same id (a redelivered message) changes nothing. */
    void enqueue(String id, String sessionId, String gateway, String to, String text);

    /** Drops what a session still has queued (the sender sent a stop keyword: nothing more goes out). */
    void dropPending(String sessionId);
}
