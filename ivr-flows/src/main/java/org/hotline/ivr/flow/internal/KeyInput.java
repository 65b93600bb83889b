package org.hotline.ivr.flow.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.hotline.ivr.flow.GlobalKeys;
import org.hotline.ivr.flow.Input;

/**
 * Listens for keys with re-prompting: silence plays the no-input prompt, a wrong key the invalid prompt, each
 * up to the node's retry limit; then {@link Answer.Failed}. Global keys: danger jumps, operator jumps while
 * open, repeat plays the prompts again (bounded too, so a stuck key cannot loop for ever).
 */
final class KeyInput {

    private static final int MAX_REPEATS = 5;

    private final CallChannel channel;
    private final Prompter prompter;
    private final Clock clock;

    KeyInput(CallChannel channel, Prompter prompter, Clock clock) {
        this.channel = channel;
        this.prompter = prompter;
        this.clock = clock;
    }

    /** One key out of {@code valid}, after playing {@code prompts} (any key barges in). */
    Answer oneKey(CallState call, List<Supplier<Character>> prompts, Collection<String> valid, Input input) {
        int failures = 0;
        int repeats = 0;
        while (true) {
            char key = 0;
            for (Supplier<Character> prompt : prompts) {
                key = prompt.get();
                if (key != 0) {
                    break;
                }
            }
            if (key == 0) {
                key = channel.waitForDigit(input.timeoutMs());
            }
            String pressed = key == 0 ? "" : String.valueOf(key);
            Answer global = global(call, pressed);
            if (global != null) {
                return global;
            }
            if (!pressed.isEmpty() && pressed.equals(call.flow.globalKeys().repeat()) && ++repeats <= MAX_REPEATS) {
                continue;
            }
            if (valid.contains(pressed)) {
                return new Answer.Keys(pressed);
            }
            if (++failures > input.retries()) {
                return new Answer.Failed();
            }
            prompter.play(call, call.flow.commonPrompt(pressed.isEmpty() ? "noInput" : "invalid"), "");
        }
    }

    /**
     * Between {@code min} and {@code max} digits via GET DATA ({@code #} ends early). A single global key
     * alone counts as that key when the node expects more than one digit.
     */
    Answer digits(CallState call, String promptId, int min, int max, Input input) {
        int failures = 0;
        int repeats = 0;
        while (true) {
            String entered = channel.collect(prompter.file(call, promptId), input.timeoutMs(), max);
            if (!entered.isEmpty()) {
                call.anyKey = true;
            }
            if (min > 1 && entered.length() == 1) {
                Answer global = global(call, entered);
                if (global != null) {
                    return global;
                }
                if (entered.equals(call.flow.globalKeys().repeat()) && ++repeats <= MAX_REPEATS) {
                    continue;
                }
            }
            if (entered.length() >= min && entered.length() <= max && entered.chars().allMatch(Character::isDigit)) {
                return new Answer.Keys(entered);
            }
            if (++failures > input.retries()) {
                return new Answer.Failed();
            }
            prompter.play(call, call.flow.commonPrompt(entered.isEmpty() ? "noInput" : "invalid"), "");
        }
    }

    private Answer global(CallState call, String pressed) {
        if (pressed.isEmpty()) {
            return null;
        }
        call.anyKey = true;
        GlobalKeys keys = call.flow.globalKeys();
        if (pressed.equals(keys.danger())) {
            return new Answer.Jump(keys.onDanger().target());
        }
        if (pressed.equals(keys.operator()) && call.flow.hours().isOpen(clock.instant())) {
            return new Answer.Jump(keys.onOperator().target());
        }
        return null;
    }
}
