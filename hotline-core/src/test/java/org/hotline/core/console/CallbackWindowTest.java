package org.hotline.core.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class CallbackWindowTest {

    @Test
    void shouldOpenEachWindowAtItsStartAndCloseItAtItsEnd() {
        assertThat(CallbackWindow.MORNING.contains(LocalTime.of(8, 0))).isTrue();
        assertThat(CallbackWindow.MORNING.contains(LocalTime.of(11, 59))).isTrue();
        assertThat(CallbackWindow.MORNING.contains(LocalTime.of(12, 0))).isFalse();
        assertThat(CallbackWindow.AFTERNOON.contains(LocalTime.of(12, 0))).isTrue();
        assertThat(CallbackWindow.AFTERNOON.contains(LocalTime.of(17, 0))).isFalse();
        assertThat(CallbackWindow.EVENING.contains(LocalTime.of(20, 59))).isTrue();
        assertThat(CallbackWindow.EVENING.contains(LocalTime.of(7, 0))).isFalse();
    }

    @Test
    void shouldNeverCallAtNightEvenWhenTheCallerSaidAnyTime() {
        assertThat(CallbackWindow.ANY.contains(LocalTime.of(14, 0))).isTrue();
        assertThat(CallbackWindow.ANY.contains(LocalTime.of(21, 0))).isFalse();
        assertThat(CallbackWindow.ANY.contains(LocalTime.of(3, 0))).isFalse();
    }

    @Test
    void shouldKnowTheIvrCodesAndNothingElse() {
        assertThat(CallbackWindow.codes()).containsExactly("morning", "afternoon", "evening", "any");
        assertThat(CallbackWindow.of("evening")).contains(CallbackWindow.EVENING);
        assertThat(CallbackWindow.of("midnight")).isEmpty();
    }
}
