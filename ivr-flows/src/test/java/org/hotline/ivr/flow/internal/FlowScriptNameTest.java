package org.hotline.ivr.flow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The flow a request's {@code agi_network_script} names: leading slashes and parameters cut off, by string work that
 * gives the same name the earlier regular expressions gave for any script a header line can carry.
 */
class FlowScriptNameTest {

    @Example
    void shouldCutLeadingSlashesAndParameters() {
        assertThat(FlowScript.flowName("/hotline?lang=fr")).isEqualTo("hotline");
        assertThat(FlowScript.flowName("//follow-up")).isEqualTo("follow-up");
        assertThat(FlowScript.flowName("hotline")).isEqualTo("hotline");
        assertThat(FlowScript.flowName("hotline?a=1?b=2")).isEqualTo("hotline");
    }

    @Example
    void shouldNameNoFlowForAMissingOrBareScript() {
        assertThat(FlowScript.flowName(null)).isEmpty();
        assertThat(FlowScript.flowName("")).isEmpty();
        assertThat(FlowScript.flowName("/")).isEmpty();
        assertThat(FlowScript.flowName("?lang=fr")).isEmpty();
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
    void shouldNameTheFlowTheRegularExpressionsNamed(@ForAll("scripts") String script) {
        String byRegex = script.replaceFirst("^/+", "").replaceFirst("\\?.*$", "");
        assertThat(FlowScript.flowName(script)).isEqualTo(byRegex);
    }
}
