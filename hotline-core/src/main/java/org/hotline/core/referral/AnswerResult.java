package org.hotline.core.referral;

/** What became of an agency's answer to a referral (acknowledge, decline, outcome). */
public sealed interface AnswerResult {

    /** The answer changed the referral. */
    record Applied(Referral referral) implements AnswerResult {}

    /** The same answer was given before; nothing changed (a repeat is not an error). */
    record AlreadyApplied(Referral referral) implements AnswerResult {}

    /** The answer was refused and nothing changed. */
    record Refused(Reason reason, String message) implements AnswerResult {}

    /** Why an answer was refused; an API maps these to its own error codes. */
    enum Reason {
        /** No such referral for this agency (another agency's referral counts as unknown, to reveal nothing). */
        NOT_FOUND,
        /** The referral is in a state that does not allow this answer, e.g. acknowledging a declined one. */
        WRONG_STATE,
        /** The answer itself is malformed, e.g. an unknown outcome code or a missing reason. */
        INVALID
    }
}
