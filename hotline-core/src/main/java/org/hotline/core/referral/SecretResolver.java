package org.hotline.core.referral;

import java.util.Map;
import java.util.Optional;

/**
 * Looks up an agency's signing secret by the name the pathway gives it ({@code secretRef}); the pathway
 * never holds secrets itself.
 */
@FunctionalInterface
public interface SecretResolver {

    /** The secret named {@code secretRef}, or empty when it is not configured (blank counts as missing). */
    Optional<String> resolve(String secretRef);

    /** Secrets from the process environment: {@code secretRef} is the name of an environment variable. */
    static SecretResolver environment() {
        return fromMap(System.getenv());
    }

    /** Secrets from a fixed map, e.g. a secrets file read at start-up. */
    static SecretResolver fromMap(Map<String, String> secrets) {
        Map<String, String> copy = Map.copyOf(secrets);
        return ref -> Optional.ofNullable(ref == null ? null : copy.get(ref)).filter(s -> !s.isBlank());
    }
}
