package org.hotline.ivr.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a simulated caller does during one call: an ordered list of {@link CallerStep}s plus optional
 * hang-up triggers (at the Nth command, or when a given prompt starts). When the steps run out the caller
 * stays silent. Immutable; every {@code with}-style method returns a new script.
 */
public final class CallerScript {

    private final List<CallerStep> steps;
    private final OptionalInt hangUpAtCommand;
    private final Optional<String> hangUpOnPrompt;

    private CallerScript(List<CallerStep> steps, OptionalInt hangUpAtCommand, Optional<String> hangUpOnPrompt) {
        this.steps = List.copyOf(steps);
        this.hangUpAtCommand = hangUpAtCommand;
        this.hangUpOnPrompt = hangUpOnPrompt;
    }

    /** A caller who does nothing: every input command times out. */
    public static CallerScript silent() {
        return new CallerScript(List.of(), OptionalInt.empty(), Optional.empty());
    }

    /** A caller who presses each group of keys at the next input command, in order. */
    public static CallerScript pressing(String... digitGroups) {
        CallerScript script = silent();
        for (String digits : digitGroups) {
            script = script.press(digits);
        }
        return script;
    }

    public CallerScript press(String digits) {
        return then(new CallerStep.Press(digits));
    }

    public CallerScript bargeIn(String digits) {
        return then(new CallerStep.BargeIn(digits));
    }

    public CallerScript silence() {
        return then(new CallerStep.Silence());
    }

    public CallerScript hangUp() {
        return then(new CallerStep.HangUp());
    }

    public CallerScript hangUpNow() {
        return then(new CallerStep.HangUpNow());
    }

    /** Appends a step. */
    public CallerScript then(CallerStep step) {
        List<CallerStep> next = new ArrayList<>(steps);
        next.add(step);
        return new CallerScript(next, hangUpAtCommand, hangUpOnPrompt);
    }

    /** The caller hangs up while the command with this 1-based number runs. */
    public CallerScript hangUpAtCommand(int commandNumber) {
        if (commandNumber < 1) {
            throw new IllegalArgumentException("commandNumber must be >= 1, got " + commandNumber);
        }
        return new CallerScript(steps, OptionalInt.of(commandNumber), hangUpOnPrompt);
    }

    /** The caller hangs up as soon as the prompt with this sound file name starts playing. */
    public CallerScript hangUpWhenPromptStarts(String soundFile) {
        if (soundFile == null || soundFile.isBlank()) {
            throw new IllegalArgumentException("soundFile must not be blank");
        }
        return new CallerScript(steps, hangUpAtCommand, Optional.of(soundFile));
    }

    public List<CallerStep> steps() {
        return steps;
    }

    public OptionalInt hangUpAtCommandNumber() {
        return hangUpAtCommand;
    }

    public Optional<String> hangUpOnPrompt() {
        return hangUpOnPrompt;
    }

    @Override
    public String toString() {
        return "CallerScript" + steps + hangUpAtCommand + hangUpOnPrompt;
    }
}
