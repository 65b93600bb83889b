package org.hotline.core.telephony;

/** How an operator's "add interpreter" ended; in every case the caller is still with the operator. */
public sealed interface InterpreterOutcome {

    /** The interpreter answered and is in the conference with the caller and the operator. */
    record Joined(String language, String interpreterName, String conference) implements InterpreterOutcome {}

    /** The interpreter's line did not answer ({@code reason}: busy, no answer, failed...). */
    record Unreachable(String language, String interpreterName, String reason) implements InterpreterOutcome {}
}
