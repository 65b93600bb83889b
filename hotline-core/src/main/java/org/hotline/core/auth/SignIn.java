package org.hotline.core.auth;

import java.time.Instant;

/** The outcome of a sign-in attempt. Wrong user and wrong password are one answer, so neither leaks. */
public sealed interface SignIn {

    record Success(Principal principal) implements SignIn {}

    record Refused() implements SignIn {}

    record LockedOut(Instant until) implements SignIn {}
}
