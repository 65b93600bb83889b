package org.hotline.core.node;

import java.util.Map;
import java.util.Optional;
import org.hotline.core.ami.AmiConfig;

/**
 * Maps the {@code HOTLINE_AMI_*} variables onto {@link AmiConfig}. AMI is off unless both
 * {@code HOTLINE_AMI_USERNAME} and {@code HOTLINE_AMI_SECRET} are set; setting only one is a mistake and
 * stops start-up. The secret is read from the environment only (never from a file in the repository).
 */
final class AmiSettings {

    private AmiSettings() {}

    static Optional<AmiConfig> fromEnv(Map<String, String> env) {
        EnvReader r = new EnvReader(env);
        Optional<String> username = r.optional("HOTLINE_AMI_USERNAME");
        Optional<String> secret = r.optional("HOTLINE_AMI_SECRET");
        if (username.isEmpty() && secret.isEmpty()) {
            return Optional.empty();
        }
        if (username.isEmpty() || secret.isEmpty()) {
            throw new IllegalArgumentException("Configuration HOTLINE_AMI_USERNAME and HOTLINE_AMI_SECRET go together: "
                    + "set both to connect to Asterisk, or neither to run without AMI");
        }
        AmiConfig config;
        try {
            config = new AmiConfig(r.string("HOTLINE_AMI_HOST", "127.0.0.1"),
                    r.port("HOTLINE_AMI_PORT", AmiConfig.DEFAULT_PORT), username.get(), secret.get(),
                    r.duration("HOTLINE_AMI_PING_INTERVAL", AmiConfig.DEFAULT_PING_INTERVAL),
                    r.duration("HOTLINE_AMI_PING_TIMEOUT", AmiConfig.DEFAULT_PING_TIMEOUT),
                    AmiConfig.DEFAULT_RECONNECT_MIN,
                    r.duration("HOTLINE_AMI_RECONNECT_MAX", AmiConfig.DEFAULT_RECONNECT_MAX),
                    r.positiveInt("HOTLINE_AMI_LISTENER_QUEUE", AmiConfig.DEFAULT_LISTENER_QUEUE));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Configuration HOTLINE_AMI_*: " + e.getMessage(), e);
        }
        return Optional.of(config);
    }
}
