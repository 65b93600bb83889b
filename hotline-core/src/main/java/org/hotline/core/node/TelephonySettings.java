package org.hotline.core.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hotline.core.pathway.ActivePathway;
import org.hotline.core.referral.Dispatch;
import org.hotline.core.storage.MongoStore;
import org.hotline.core.telephony.AgencyTransfer;
import org.hotline.core.telephony.InterpreterBridge;
import org.hotline.core.telephony.SupervisorSpy;
import org.hotline.core.telephony.Telephony;
import org.hotline.core.telephony.TransferTargets;
import org.hotline.core.telephony.WrapUp;
import org.hotline.core.telephony.internal.MongoLiveHandovers;
import org.hotline.pathway.interpreter.InterpreterDirectory;

/**
 * Maps {@code HOTLINE_INTERPRETERS_FILE}, {@code HOTLINE_INTERPRETER_RING_TIMEOUT} and
 * {@code HOTLINE_INTERPRETER_CALLER_ID} onto {@link InterpreterBridge.Settings}, and
 * {@code HOTLINE_TRANSFER_RING_TIMEOUT} / {@code HOTLINE_TRANSFER_CALLER_ID} onto {@link AgencyTransfer.Settings}. Without a file the directory is
 * empty (no language can be interpreted); a file that cannot be read or has any problem stops start-up with
 * every problem and its line.
 */
final class TelephonySettings {

    private TelephonySettings() {}

    /** Everything telephony needs: the interpreter and transfer settings, referrals' duty lines, the hand-over store. */
    static Telephony.Needs needs(Map<String, String> env, MongoStore mongo, Dispatch dispatch, ActivePathway pathway,
            Function<String, Optional<String>> tipIds) {
        EnvReader r = new EnvReader(env);
        Duration ring = r.duration("HOTLINE_TRANSFER_RING_TIMEOUT", Duration.ofSeconds(30));
        if (ring.compareTo(Duration.ofSeconds(5)) < 0 || ring.compareTo(Duration.ofMinutes(2)) > 0) {
            throw new IllegalArgumentException("Configuration HOTLINE_TRANSFER_RING_TIMEOUT must be between 5s and 2m");
        }
        return new Telephony.Needs(fromEnv(env), new AgencyTransfer.Settings(ring,
                r.string("HOTLINE_TRANSFER_CALLER_ID", "Hotline transfer <1234>")),
                new SupervisorSpy.Settings(ring, r.string("HOTLINE_SPY_CALLER_ID", "Hotline supervisor <1234>")),
                wrapUp(r),
                TransferTargets.of(dispatch.referrals(), pathway),
                TransferTargets.forReference(dispatch.referrals(), pathway, tipIds), new MongoLiveHandovers(mongo));
    }

    /** {@code HOTLINE_WRAPUP_TIME}: 0 turns it off; at most {@link WrapUp#MAX}. */
    static Duration wrapUp(EnvReader r) {
        Duration time = r.duration("HOTLINE_WRAPUP_TIME", Duration.ZERO);
        if (time.isNegative() || time.compareTo(WrapUp.MAX) > 0) {
            throw new IllegalArgumentException("Configuration HOTLINE_WRAPUP_TIME must be between 0 (off) and 10m");
        }
        return time;
    }

    static InterpreterBridge.Settings fromEnv(Map<String, String> env) {
        EnvReader r = new EnvReader(env);
        InterpreterDirectory directory = r.optional("HOTLINE_INTERPRETERS_FILE").map(TelephonySettings::load)
                .orElse(InterpreterDirectory.EMPTY);
        Duration ring = r.duration("HOTLINE_INTERPRETER_RING_TIMEOUT", InterpreterBridge.Settings.DEFAULT_RING_TIMEOUT);
        if (ring.compareTo(Duration.ofSeconds(5)) < 0 || ring.compareTo(Duration.ofMinutes(2)) > 0) {
            throw new IllegalArgumentException("Configuration HOTLINE_INTERPRETER_RING_TIMEOUT must be between 5s and 2m");
        }
        String callerId = r.string("HOTLINE_INTERPRETER_CALLER_ID", InterpreterBridge.Settings.DEFAULT_CALLER_ID);
        return new InterpreterBridge.Settings(directory, ring, callerId);
    }

    private static InterpreterDirectory load(String file) {
        String text;
        try {
            text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("Configuration HOTLINE_INTERPRETERS_FILE: cannot read " + file + ": " + e);
        }
        return switch (InterpreterDirectory.parse(text, file)) {
            case InterpreterDirectory.Result.Valid valid -> valid.directory();
            case InterpreterDirectory.Result.Invalid invalid -> throw new IllegalArgumentException(
                    "Configuration HOTLINE_INTERPRETERS_FILE: " + file + " has problems:\n" + invalid.problems().stream()
                            .map(Object::toString).collect(Collectors.joining("\n")));
        };
    }
}
