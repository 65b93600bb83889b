package org.hotline.pathway.interpreter;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.hotline.pathway.Problem;
import org.hotline.pathway.internal.InterpreterParser;

/**
 * The telephone interpreters the hotline may add to a call, kept by the ministry next to the pathway file
 * ({@code interpreters.yaml}): per language, who answers, on which phone or SIP endpoint, and when. The first
 * entry of a language that is open at a given instant is the one called.
 *
 * <pre>
 * zone: Africa/Monrovia
 * interpreters:
 *   - id: lingua-fr
 *     language: fr
 *     name: Lingua Services (French)
 *     endpoint: PJSIP/+231770000101@pstn-trunk
 *     hours: ["mon-fri 08:00-18:00", "sat 09:00-13:00"]   # absent: around the clock
 * </pre>
 */
public record InterpreterDirectory(ZoneId zone, List<Interpreter> interpreters) {

    /** An empty directory: no language can be interpreted. */
    public static final InterpreterDirectory EMPTY = new InterpreterDirectory(ZoneId.of("UTC"), List.of());

    public InterpreterDirectory {
        interpreters = List.copyOf(interpreters);
    }

    /** The parsed directory, or every problem found (with line numbers). */
    public sealed interface Result {
        record Valid(InterpreterDirectory directory) implements Result {}

        record Invalid(List<Problem> problems) implements Result {
            public Invalid {
                problems = List.copyOf(problems);
            }
        }
    }

    /** Parses an interpreter directory; {@code sourceName} names the file in problems. */
    public static Result parse(String yamlText, String sourceName) {
        return InterpreterParser.parse(yamlText, sourceName);
    }

    /** The first interpreter of {@code language} whose hours include {@code at}. */
    public Optional<Interpreter> available(String language, Instant at) {
        var local = at.atZone(zone);
        return interpreters.stream().filter(i -> i.language().equals(language))
                .filter(i -> i.hours().isEmpty() || i.hours().stream().anyMatch(h -> h.includes(local)))
                .findFirst();
    }

    /** Every language with at least one interpreter (open or not), sorted. */
    public List<String> languages() {
        return List.copyOf(new TreeSet<>(interpreters.stream().map(Interpreter::language).toList()));
    }
}
