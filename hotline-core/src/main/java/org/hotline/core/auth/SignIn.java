package org.hotline.core.auth;

import java.time.Instant;

/**
 * The outcome of a sign-in attempt. Wrong user and wrong password are one answer, and the back-off is the same
 * for both, so neither leaks which usernames exist.
 */
public sealed interface SignIn {

    record Success(Principal principal) implements SignIn {}

    record Refused() implements SignIn {}

    /** Too many wrong passwords for this username (from this address, or from everywhere): wait until then. */
    record Backoff(Instant until) implements SignIn {}
}
