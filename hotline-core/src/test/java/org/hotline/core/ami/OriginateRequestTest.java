package org.hotline.core.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OriginateRequestTest {

    private static OriginateRequest request(String channel, Map<String, String> vars) {
        return new OriginateRequest(channel, "hotline-duty", "s", "Hotline <100>", Duration.ofSeconds(30), vars);
    }

    @Test
    void shouldAcceptAnOrdinaryDutyOfficerCall() {
        assertThatCode(() -> request("PJSIP/duty-1@trunk", Map.of("HOTLINE_DUTY_CALL", "d-42"))).doesNotThrowAnyException();
        assertThat(request("Local/0700123456@outbound", Map.of()).channel()).isEqualTo("Local/0700123456@outbound");
    }

    @Test
    void shouldRefuseValuesThatWouldInjectAmiHeadersOrSplitVariables() {
        assertThatThrownBy(() -> request("PJSIP/duty\r\nAction: Command", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channel");
        assertThatThrownBy(() -> request("PJSIP/duty", Map.of("HOTLINE_DUTY_CALL", "a,B=c")))
                .hasMessageContaining("variable HOTLINE_DUTY_CALL");
        assertThatThrownBy(() -> request("PJSIP/duty", Map.of("lower", "x"))).hasMessageContaining("variable name");
        assertThatThrownBy(() -> new OriginateRequest("PJSIP/duty", "ctx", "s", "x\ny", Duration.ofSeconds(5), Map.of()))
                .hasMessageContaining("callerId");
        assertThatThrownBy(() -> new OriginateRequest("PJSIP/duty", "ctx", "s", "x", Duration.ofHours(1), Map.of()))
                .hasMessageContaining("ringTimeout");
    }

    @Test
    void shouldNameTheDialOutcome() {
        assertThat(new OriginateResult(true, 4, "u").reasonText()).isEqualTo("answered");
        assertThat(new OriginateResult(false, 3, "u").reasonText()).isEqualTo("no answer");
        assertThat(new OriginateResult(false, 5, "u").reasonText()).isEqualTo("busy");
        assertThat(new OriginateResult(false, 99, "u").reasonText()).isEqualTo("other (99)");
    }
}
