package org.hotline.ivr.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Which lines of the agi_ block count as variables: the character check accepts exactly the lines the regular
 * expression it replaced accepted, for any line, odd characters and every kind of line terminator included.
 */
class CallSocketHeaderLineTest {

    private static final Pattern STOCK = Pattern.compile("agi_[a-z0-9_]+: ?.*");

    @Example
    void shouldAcceptAsteriskVariables() {
        assertThat(CallSocket.isHeaderVariable("agi_network_script: hotline?lang=fr")).isTrue();
        assertThat(CallSocket.isHeaderVariable("agi_callerid:")).isTrue();
        assertThat(CallSocket.isHeaderVariable("agi_arg_1:x")).isTrue();
    }

    @Example
    void shouldRefuseLinesThatAreNotVariables() {
        assertThat(CallSocket.isHeaderVariable("agi_: value")).isFalse();
        assertThat(CallSocket.isHeaderVariable("agi_Request: x")).isFalse();
        assertThat(CallSocket.isHeaderVariable("agi_request x")).isFalse();
        assertThat(CallSocket.isHeaderVariable("ANSWER")).isFalse();
        assertThat(CallSocket.isHeaderVariable("agi_request: a\rb")).isFalse();
    }

    /** Lines built from the pattern's own parts and its borders, and any text at all. */
    @Provide
    Arbitrary<String> lines() {
        Arbitrary<String> shaped = Arbitraries.strings().withChars('a', 'z', '0', '_', ':', ' ', 'A', '-', '\n', '\r',
                '\u0085', '\u2028', '\u2029', '\u00e9').ofMaxLength(10).map(rest -> "agi_" + rest);
        return Arbitraries.oneOf(shaped, Arbitraries.strings().all().ofMaxLength(16),
                Arbitraries.strings().withChars('a', 'g', 'i', '_', ':', ' ').ofMaxLength(8));
    }

    @Property
    void shouldAcceptExactlyWhatTheExpressionAccepted(@ForAll("lines") String line) {
        assertThat(CallSocket.isHeaderVariable(line)).isEqualTo(STOCK.matcher(line).matches());
    }
}
