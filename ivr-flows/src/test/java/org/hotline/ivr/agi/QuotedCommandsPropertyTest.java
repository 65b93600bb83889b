package org.hotline.ivr.agi;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.asteriskjava.fastagi.command.GetDataCommand;
import org.asteriskjava.fastagi.command.RecordFileCommand;
import org.asteriskjava.fastagi.command.SayAlphaCommand;
import org.asteriskjava.fastagi.command.SayDigitsCommand;
import org.asteriskjava.fastagi.command.SetVariableCommand;
import org.asteriskjava.fastagi.command.StreamFileCommand;

/**
 * The flows' quicker quoting sends Asterisk exactly the command lines Asterisk-Java's own commands build, for
 * any argument: backslashes, quotes, line feeds, spaces, non-Latin text and {@code null} included.
 */
class QuotedCommandsPropertyTest {

    /** Arguments that stress the quoting: its special characters mixed into any text, sometimes null. */
    @Provide
    Arbitrary<String> arguments() {
        Arbitrary<String> tricky = Arbitraries.strings().withChars('\\', '"', '\n', '\r', ' ', '$', 'a', '7', '#')
                .ofMaxLength(12);
        return Arbitraries.oneOf(tricky, Arbitraries.strings().all().ofMaxLength(20),
                Arbitraries.strings().withCharRange('\u0600', '\u06FF').ofMaxLength(8)).injectNull(0.05);
    }

    @Property
    void shouldQuoteAnArgumentAsAsteriskJavaDoes(@ForAll("arguments") String argument) {
        assertThat(QuotedCommands.quote(argument)).isEqualTo(new StockQuoting().quote(argument));
    }

    @Property
    void shouldBuildTheSameCommandLinesAsAsteriskJava(@ForAll("arguments") String first,
            @ForAll("arguments") String second, @ForAll @IntRange(min = 0, max = 600_000) int millis,
            @ForAll @IntRange(min = 1, max = 64) int digits, @ForAll boolean beep) {
        assertThat(new QuotedCommands.StreamFile(first, second).buildCommand())
                .isEqualTo(new StreamFileCommand(first, second).buildCommand());
        assertThat(new QuotedCommands.GetData(first, millis, digits).buildCommand())
                .isEqualTo(new GetDataCommand(first, millis, digits).buildCommand());
        assertThat(new QuotedCommands.RecordFile(first, "wav", second, millis, 0, beep, digits).buildCommand())
                .isEqualTo(new RecordFileCommand(first, "wav", second, millis, 0, beep, digits).buildCommand());
        assertThat(new QuotedCommands.SayDigits(first, second).buildCommand())
                .isEqualTo(new SayDigitsCommand(first, second).buildCommand());
        assertThat(new QuotedCommands.SayAlpha(first, second).buildCommand())
                .isEqualTo(new SayAlphaCommand(first, second).buildCommand());
        assertThat(new QuotedCommands.SetVariable(first, second).buildCommand())
                .isEqualTo(new SetVariableCommand(first, second).buildCommand());
    }

    /** Asterisk-Java's own quoting, reached through a command that does not override it. */
    private static final class StockQuoting extends StreamFileCommand {
        StockQuoting() {
            super("");
        }

        String quote(String argument) {
            return escapeAndQuote(argument);
        }
    }
}
