package org.hotline.ivr.sim.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.ivr.sim.CallResult;
import org.hotline.ivr.sim.CallSetup;
import org.hotline.ivr.sim.CallerScript;
import org.hotline.ivr.sim.CallerStep;
import org.hotline.ivr.sim.SimulatorOptions;

/** The simulated channel and caller of one call: what is alive, what the caller does next, what happened. */
final class CallState {

    final CallSetup setup;
    final SimulatorOptions options;
    private final CallerScript script;
    private final Deque<CallerStep> steps;
    private String pendingDigits = "";
    private boolean hangUpDuringCurrent;
    private final Map<String, ArrayDeque<CallerStep>> byPrompt = new LinkedHashMap<>();
    /** The sound file the running command plays, for answers keyed by prompt. */
    private String currentPrompt;

    boolean alive = true;
    boolean answered;
    boolean hangupLineDue;
    boolean callerHungUp;
    boolean scriptHungUp;
    String language;
    int commandNumber;

    final Map<String, String> channelVariables = new HashMap<>();
    final Map<String, String> variablesSet = new LinkedHashMap<>();
    final List<CallResult.Exchange> exchanges = new ArrayList<>();
    final List<CallResult.Prompt> prompts = new ArrayList<>();
    final List<CallResult.Spoken> spoken = new ArrayList<>();
    final List<CallResult.AppCall> applications = new ArrayList<>();
    final List<CallResult.Recording> recordings = new ArrayList<>();
    final List<String> lostDigits = new ArrayList<>();
    final List<CallResult.Violation> violations = new ArrayList<>();

    CallState(CallSetup setup, CallerScript script, SimulatorOptions options) {
        this.setup = setup;
        this.script = script;
        this.options = options;
        this.steps = new ArrayDeque<>(script.steps());
        script.byPrompt().forEach((prompt, answers) -> byPrompt.put(prompt, new ArrayDeque<>(answers)));
        this.language = setup.language();
        this.channelVariables.putAll(setup.variables());
    }

    /** Called when a command arrives: applies hang-ups scheduled between commands or at this command. */
    void beginCommand() {
        commandNumber++;
        currentPrompt = null;
        if (alive && steps.peek() instanceof CallerStep.HangUpNow) {
            steps.poll();
            callerHangsUp();
        }
        hangUpDuringCurrent = alive && script.hangUpAtCommandNumber().orElse(-1) == commandNumber;
    }

    /** Called once the reply is written: a hang-up scheduled at a command that does not wait still happens. */
    void endCommand() {
        if (hangUpDuringCurrent && alive) {
            callerHangsUp();
        }
        hangUpDuringCurrent = false;
    }

    /** Takes the unrequested HANGUP line if one is due before this reply. */
    boolean takeHangupLine() {
        boolean due = hangupLineDue;
        hangupLineDue = false;
        return due;
    }

    void callerHangsUp() {
        alive = false;
        callerHungUp = true;
        hangupLineDue = true;
    }

    void scriptHangsUp() {
        alive = false;
        scriptHungUp = true;
        hangupLineDue = true;
    }

    void violation(CallResult.Violation.Kind kind, String detail) {
        violations.add(new CallResult.Violation(commandNumber, kind, detail));
    }

    boolean soundExists(String file) {
        boolean exists = options.sounds().exists(language, file);
        if (!exists) {
            violation(CallResult.Violation.Kind.MISSING_SOUND, file + " (" + language + ")");
        }
        return exists;
    }

    void heard(String file) {
        prompts.add(new CallResult.Prompt(file, language));
        currentPrompt = file;
        if (alive && script.hangUpOnPrompt().filter(file::equals).isPresent()) {
            hangUpDuringCurrent = true;
        }
    }

    /**
     * What the caller does while a prompt or input command runs.
     *
     * @param acceptsInput whether the command takes keys at all
     * @param accepted the keys that interrupt it (null = any key)
     * @param timeout the command's own timeout, for realistic pacing of silences
     */
    Event during(boolean acceptsInput, String accepted, Duration timeout) {
        if (hangUpDuringCurrent || steps.peek() instanceof CallerStep.HangUp) {
            if (!hangUpDuringCurrent) {
                steps.poll();
            }
            hangUpDuringCurrent = false;
            callerHangsUp();
            return new Event.CallerGone();
        }
        if (steps.peek() instanceof CallerStep.BargeIn bargeIn) {
            steps.poll();
            lose(pendingDigits);
            pendingDigits = bargeIn.digits();
        }
        if (!pendingDigits.isEmpty()) {
            String digits = pendingDigits;
            pendingDigits = "";
            if (acceptsInput && accepts(accepted, digits.charAt(0))) {
                return keys(digits);
            }
            lose(digits);
            return quiet(acceptsInput, timeout);
        }
        if (!acceptsInput) {
            return quiet(false, timeout);
        }
        ArrayDeque<CallerStep> keyed = keyedAnswers();
        if (keyed != null) {
            return answer(keyed.poll(), accepted, timeout);
        }
        CallerStep step = steps.peek();
        if (step instanceof CallerStep.Press press) {
            steps.poll();
            if (accepts(accepted, press.digits().charAt(0))) {
                return keys(press.digits());
            }
            lose(press.digits());
        } else if (step instanceof CallerStep.Silence) {
            steps.poll();
        }
        return quiet(true, timeout);
    }

    /** The answers keyed to the prompt now playing, or null when none is keyed to it. */
    private ArrayDeque<CallerStep> keyedAnswers() {
        if (currentPrompt == null) {
            return null;
        }
        for (Map.Entry<String, ArrayDeque<CallerStep>> entry : byPrompt.entrySet()) {
            String key = entry.getKey();
            if (currentPrompt.equals(key) || currentPrompt.endsWith("/" + key)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** A keyed answer: keys, silence (also once the answers ran out) or a hang-up. */
    private Event answer(CallerStep step, String accepted, Duration timeout) {
        if (step instanceof CallerStep.HangUp) {
            callerHangsUp();
            return new Event.CallerGone();
        }
        if (step instanceof CallerStep.Press press) {
            if (accepts(accepted, press.digits().charAt(0))) {
                return keys(press.digits());
            }
            lose(press.digits());
        }
        return quiet(true, timeout);
    }

    /** Keys the command did not consume go back to wait for the next input command. */
    void giveBack(String digits) {
        pendingDigits = digits + pendingDigits;
    }

    private Event keys(String digits) {
        pause(options.pacing().perKeypress());
        return new Event.Keys(digits);
    }

    private Event quiet(boolean input, Duration timeout) {
        if (input) {
            Duration cap = options.pacing().maxSilence();
            pause(timeout.isNegative() || timeout.compareTo(cap) > 0 ? cap : timeout);
        } else {
            pause(options.pacing().perPrompt());
        }
        return new Event.Quiet();
    }

    private void lose(String digits) {
        if (!digits.isEmpty()) {
            lostDigits.add(digits);
        }
    }

    private static boolean accepts(String accepted, char key) {
        return accepted == null || accepted.indexOf(key) >= 0;
    }

    private static void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            // Simulated caller time, only when a realistic pacing was requested (load harness).
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    CallResult result(CallResult.SessionEnd ending) {
        return new CallResult(exchanges, prompts, spoken, variablesSet, applications, recordings, lostDigits,
                scriptHungUp, callerHungUp, ending, violations);
    }

    /** What happened while a command waited on the caller. */
    sealed interface Event {
        record Keys(String digits) implements Event {}

        record Quiet() implements Event {}

        record CallerGone() implements Event {}
    }
}
