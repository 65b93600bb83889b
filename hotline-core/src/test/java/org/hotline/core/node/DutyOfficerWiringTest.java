package org.hotline.core.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DutyOfficerWiringTest {

    @Test
    void shouldReadTheDutyListInOrder() {
        // when
        var duty = DutyOfficerWiring.fromEnv(Map.of("HOTLINE_DUTY_OFFICER_CHANNEL",
                "PJSIP/duty-1, Local/0770000101@outbound ,PJSIP/duty-3"), true).orElseThrow();

        // then
        assertThat(duty.officers()).containsExactly("PJSIP/duty-1", "Local/0770000101@outbound", "PJSIP/duty-3");
        assertThat(duty.settings().channel()).isEqualTo("PJSIP/duty-1");
    }

    @Test
    void shouldRefuseABadOfficerChannelAtStartUpNamingTheVariable() {
        assertThatThrownBy(() -> DutyOfficerWiring.fromEnv(Map.of("HOTLINE_DUTY_OFFICER_CHANNEL",
                "PJSIP/duty-1,PJSIP/x\r\nAction: Hangup"), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HOTLINE_DUTY_OFFICER_");
        assertThatThrownBy(() -> DutyOfficerWiring.fromEnv(Map.of("HOTLINE_DUTY_OFFICER_CHANNEL", " , "), true))
                .hasMessageContaining("at least one channel");
    }
}
