package org.hotline.core.node;

import java.util.Map;
import org.hotline.core.ops.OpsConfig;

/** Reads {@link OpsConfig} from the environment; a bad value fails start-up naming the variable. */
final class OpsSettings {

    private OpsSettings() {}

    static OpsConfig fromEnv(Map<String, String> env) {
        EnvReader r = new EnvReader(env);
        return new OpsConfig(r.duration("HOTLINE_DRAIN_TIMEOUT", OpsConfig.DEFAULT_DRAIN_TIMEOUT),
                r.duration("HOTLINE_METRICS_SAMPLE_INTERVAL", OpsConfig.DEFAULT_SAMPLE_INTERVAL),
                r.range("HOTLINE_BACKGROUND_NICE", OpsConfig.DEFAULT_BACKGROUND_NICE, 0, 19));
    }
}
