package org.hotline.ivr.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a simulated caller does during one call: an ordered list of {@link CallerStep}s, answers keyed by prompt
 * ({@link #atPrompt}), plus optional hang-up triggers (at the Nth command, or when a given prompt starts). When
 * the steps run out the caller stays silent. Immutable; every {@code with}-style method returns a new script.
 */
public final class CallerScript {

    private final List<CallerStep> steps;
    private final OptionalInt hangUpAtCommand;
    private final Optional<String> hangUpOnPrompt;
    private final Map<String, List<CallerStep>> byPrompt;

    private CallerScript(List<CallerStep> steps, OptionalInt hangUpAtCommand, Optional<String> hangUpOnPrompt,
            Map<String, List<CallerStep>> byPrompt) {
        this.steps = List.copyOf(steps);
        this.hangUpAtCommand = hangUpAtCommand;
        this.hangUpOnPrompt = hangUpOnPrompt;
        this.byPrompt = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byPrompt));
    }

    /** A caller who does nothing: every input command times out. */
    public static CallerScript silent() {
        return new CallerScript(List.of(), OptionalInt.empty(), Optional.empty(), Map.of());
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
        return new CallerScript(next, hangUpAtCommand, hangUpOnPrompt, byPrompt);
    }

    /** The caller hangs up while the command with this 1-based number runs. */
    public CallerScript hangUpAtCommand(int commandNumber) {
        if (commandNumber < 1) {
            throw new IllegalArgumentException("commandNumber must be >= 1, got " + commandNumber);
        }
        return new CallerScript(steps, OptionalInt.of(commandNumber), hangUpOnPrompt, byPrompt);
    }

    /** The caller hangs up as soon as the prompt with this sound file name starts playing. */
    public CallerScript hangUpWhenPromptStarts(String soundFile) {
        if (soundFile == null || soundFile.isBlank()) {
            throw new IllegalArgumentException("soundFile must not be blank");
        }
        return new CallerScript(steps, hangUpAtCommand, Optional.of(soundFile), byPrompt);
    }

    /**
     * Answers the prompt named {@code prompt} (its sound file, or the end of it after a {@code /}, e.g.
     * {@code choose_language}) with {@code step} ({@link CallerStep.Press}, {@link CallerStep.Silence} or
     * {@link CallerStep.HangUp}) instead of taking the next ordered step there. Several answers for one prompt are
     * used each time it plays, in order; once they run out the caller stays silent at it.
     */
    public CallerScript atPrompt(String prompt, CallerStep step) {
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("prompt must not be blank");
        }
        if (!(step instanceof CallerStep.Press || step instanceof CallerStep.Silence || step instanceof CallerStep.HangUp)) {
            throw new IllegalArgumentException("a prompt is answered by keys, silence or a hang-up, got " + step);
        }
        Map<String, List<CallerStep>> next = new LinkedHashMap<>(byPrompt);
        List<CallerStep> answers = new ArrayList<>(next.getOrDefault(prompt, List.of()));
        answers.add(step);
        next.put(prompt, List.copyOf(answers));
        return new CallerScript(steps, hangUpAtCommand, hangUpOnPrompt, next);
    }

    /** The answers keyed by prompt name, in the order each prompt uses them. */
    public Map<String, List<CallerStep>> byPrompt() {
        return byPrompt;
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
        return "CallerScript" + steps + byPrompt + hangUpAtCommand + hangUpOnPrompt;
    }
}
