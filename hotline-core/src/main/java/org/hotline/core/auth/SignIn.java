package org.hotline.core.auth;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of a sign-in attempt. Wrong user and wrong password are one answer, and the back-off is the same
 * for both, so neither leaks which usernames exist. The second-factor answers come only after a right password.
 */
public sealed interface SignIn {

    /** Signed in; {@code recoveryCodes} is non-empty only when this sign-in confirmed a new second factor. */
    record Success(Principal principal, List<String> recoveryCodes) implements SignIn {
        public Success {
            recoveryCodes = List.copyOf(recoveryCodes);
        }

        public Success(Principal principal) {
            this(principal, List.of());
        }
    }

    record Refused() implements SignIn {}

    /** Too many wrong passwords for this username (from this address, or from everywhere): wait until then. */
    record Backoff(Instant until) implements SignIn {}

    /** The password was right; the account's second factor needs a code (or a recovery code). */
    record CodeRequired() implements SignIn {}

    /** The password was right but the code was not (wrong, expired, already used); counts towards the back-off. */
    record WrongCode() implements SignIn {}

    /** The password was right; the account must enrol a second factor: this secret is shown once. */
    record EnrolmentRequired(SecondFactor.Enrolment enrolment) implements SignIn {}
}
