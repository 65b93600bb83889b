package org.hotline.ivr.server;

/** How an AGI session ended, from the server's point of view. */
public enum SessionOutcome {
    /** The script returned normally while the caller was on the line. */
    COMPLETED,
    /** The caller hung up; a normal ending. */
    HUNG_UP,
    /** The script threw, or Asterisk stopped answering. */
    FAILED,
    /** No script has the requested name. */
    UNKNOWN_SCRIPT
}
