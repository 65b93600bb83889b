package org.hotline.ivr.flow.internal;

/** What a listening node got from the caller. */
sealed interface Answer {

    /** A valid key or digit string. */
    record Keys(String keys) implements Answer {}

    /** A global key sent the call elsewhere. */
    record Jump(String nodeId) implements Answer {}

    /** Retries used up on silence or wrong keys. */
    record Failed() implements Answer {}
}
