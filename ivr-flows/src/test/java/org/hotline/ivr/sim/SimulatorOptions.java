package org.hotline.ivr.sim;

import java.time.Duration;

/**
 * Options of the {@link AsteriskSimulator}.
 *
 * @param sounds the sound files that exist; {@link SoundCatalogue#anything()} by default
 * @param pacing simulated caller timing; {@link Pacing#INSTANT} by default
 * @param connectTimeout bound on connecting to the FastAGI port
 * @param idleTimeout bound on waiting for the script's next command before the simulator gives up
 * @param maxCommands commands after which the caller hangs up, to stop a script that loops forever
 */
public record SimulatorOptions(
        SoundCatalogue sounds, Pacing pacing, Duration connectTimeout, Duration idleTimeout, int maxCommands) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_COMMANDS = 1_000;

    public SimulatorOptions {
        if (sounds == null || pacing == null) {
            throw new IllegalArgumentException("sounds and pacing are required");
        }
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be > 0, got " + connectTimeout);
        }
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be > 0, got " + idleTimeout);
        }
        if (maxCommands < 1) {
            throw new IllegalArgumentException("maxCommands must be >= 1, got " + maxCommands);
        }
    }

    public static SimulatorOptions defaults() {
        return new SimulatorOptions(SoundCatalogue.anything(), Pacing.INSTANT, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_IDLE_TIMEOUT, DEFAULT_MAX_COMMANDS);
    }

    public SimulatorOptions withSounds(SoundCatalogue value) {
        return new SimulatorOptions(value, pacing, connectTimeout, idleTimeout, maxCommands);
    }

    public SimulatorOptions withPacing(Pacing value) {
        return new SimulatorOptions(sounds, value, connectTimeout, idleTimeout, maxCommands);
    }

    public SimulatorOptions withIdleTimeout(Duration value) {
        return new SimulatorOptions(sounds, pacing, connectTimeout, value, maxCommands);
    }

    public SimulatorOptions withMaxCommands(int value) {
        return new SimulatorOptions(sounds, pacing, connectTimeout, idleTimeout, value);
    }
}
