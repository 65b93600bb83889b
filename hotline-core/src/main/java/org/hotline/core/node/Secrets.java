package org.hotline.core.node;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.hotline.core.referral.SecretResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Agency signing secrets: environment variables named by the pathway's {@code secret_ref}s. */
final class Secrets {

    private static final Logger LOG = LoggerFactory.getLogger(Secrets.class);

    private Secrets() {}

    /**
     * In demo mode a secret that is not configured is replaced by one throw-away secret for this run, so the
     * example pathway works out of the box; outside demo mode a missing secret stops that agency's webhook.
     */
    static SecretResolver resolver(Map<String, String> env, boolean demo) {
        SecretResolver configured = SecretResolver.fromMap(env);
        if (!demo) {
            return configured;
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String throwAway = HexFormat.of().formatHex(bytes);
        return ref -> {
            Optional<String> secret = configured.resolve(ref);
            if (secret.isEmpty()) {
                LOG.debug("Demo mode: signing for {} with a throw-away secret", ref);
                return Optional.of(throwAway);
            }
            return secret;
        };
    }
}
