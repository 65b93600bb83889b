package org.hotline.ivr.agi;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The script a request's {@code agi_network_script} names, for the server's choice of script and the flows' choice of
 * flow: leading slashes and parameters cut off, by string work that gives the same name the flows' earlier regular
 * expressions gave for any script a header line can carry.
 */
class ScriptNameTest {

    @Example
    void shouldCutLeadingSlashesAndParameters() {
        assertThat(ScriptName.of("/hotline?lang=fr")).isEqualTo("hotline");
        assertThat(ScriptName.of("//follow-up")).isEqualTo("follow-up");
        assertThat(ScriptName.of("hotline")).isEqualTo("hotline");
        assertThat(ScriptName.of("hotline?a=1?b=2")).isEqualTo("hotline");
    }

    @Example
    void shouldNameNothingForAMissingOrBareScript() {
        assertThat(ScriptName.of(null)).isEmpty();
        assertThat(ScriptName.of("")).isEmpty();
        assertThat(ScriptName.of("/")).isEmpty();
        assertThat(ScriptName.of("?lang=fr")).isEmpty();
    }

    /** Scripts as a header line carries them (no line terminator), rich in slashes and question marks. */
    @Provide
    Arbitrary<String> scripts() {
        Arbitrary<String> tricky = Arbitraries.strings().withChars('/', '?', '=', '&', 'h', 'o', '-', ' ', '%')
                .ofMaxLength(16);
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(24)
                .filter(s -> s.chars().noneMatch(c -> c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028'
                        || c == '\u2029'));
        return Arbitraries.oneOf(tricky, any);
    }

    @Property
    void shouldNameWhatTheRegularExpressionsNamed(@ForAll("scripts") String script) {
        String byRegex = script.replaceFirst("^/+", "").replaceFirst("\\?.*$", "");
        assertThat(ScriptName.of(script)).isEqualTo(byRegex);
    }
}
