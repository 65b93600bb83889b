package org.hotline.ivr.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CallCliTest {

    @Test
    void shouldTurnArgumentsIntoACallerScriptWhenTheyAreValid() {
        // when
        CallCli.Request request = CallCli.parse(
                new String[] {"127.0.0.1", "4573", "--lang", "fr", "--caller", "0771", "1", "-", "12#", "h"});
        // then
        assertThat(request.port()).isEqualTo(4573);
        assertThat(request.setup().language()).isEqualTo("fr");
        assertThat(request.setup().callerId()).isEqualTo("0771");
        assertThat(request.setup().script()).isEqualTo("hotline");
        assertThat(request.caller().steps()).containsExactly(new CallerStep.Press("1"), new CallerStep.Silence(),
                new CallerStep.Press("12#"), new CallerStep.HangUp());
    }

    @Test
    void shouldKeyAnswersByPromptNameWithoutTakingAPlainArgument() {
        // when
        CallCli.Request request = CallCli.parse(
                new String[] {"127.0.0.1", "4573", "pin=1234", "1", "pin=4321", "hotline/consent=h", "menu=-"});
        // then
        assertThat(request.caller().steps()).containsExactly(new CallerStep.Press("1"));
        assertThat(request.caller().byPrompt()).containsExactly(
                java.util.Map.entry("pin", java.util.List.of(new CallerStep.Press("1234"), new CallerStep.Press("4321"))),
                java.util.Map.entry("hotline/consent", java.util.List.of(new CallerStep.HangUp())),
                java.util.Map.entry("menu", java.util.List.of(new CallerStep.Silence())));
    }

    @Test
    void shouldRefuseAKeyedAnswerThatIsNotKeysOrWhosePromptHasNoName() {
        assertThatThrownBy(() -> CallCli.parse(new String[] {"h", "1", "pin=12a"})).hasMessageContaining("12a");
        assertThatThrownBy(() -> CallCli.parse(new String[] {"h", "1", "=12"})).hasMessageContaining("prompt name");
        assertThatThrownBy(() -> CallCli.parse(new String[] {"h", "1", "a b=12"})).hasMessageContaining("prompt name");
    }

    @Test
    void shouldExplainAndExitWith2WhenArgumentsAreBad() {
        assertThatThrownBy(() -> CallCli.parse(new String[] {"127.0.0.1"})).hasMessageContaining("port");
        assertThatThrownBy(() -> CallCli.parse(new String[] {"h", "99999"})).hasMessageContaining("99999");
        assertThatThrownBy(() -> CallCli.parse(new String[] {"h", "1", "--lang"})).hasMessageContaining("--lang");
        assertThatThrownBy(() -> CallCli.parse(new String[] {"h", "1", "1x"})).hasMessageContaining("1x");
        // given
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // when
        int status = CallCli.run(new String[] {"h", "port"}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        // then
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("port must be").contains(CallCli.USAGE);
    }
}
