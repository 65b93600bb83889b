package org.hotline.ivr.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlowOptionsTest {

    @Test
    void shouldUseTheFlowListsAndEmergencyNumber112ByDefault() {
        // when
        FlowOptions options = FlowOptions.defaults();

        // then
        assertThat(options.lists()).isEmpty();
        assertThat(options.emergencyNumber()).isEqualTo("112");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "11 2", "call-112"})
    void shouldRejectAnEmergencyNumberThatCannotBeDialled(String number) {
        // when / then
        assertThatThrownBy(() -> new FlowOptions(Map.of(), number, "/rec", FlowObserver.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("emergencyNumber");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9", "0", "*", "12", ""})
    void shouldRejectAHostListEntryOnAGlobalOrInvalidKey(String digit) {
        // given
        Map<String, List<Choice>> lists = Map.of("region", List.of(new Choice(digit, "MO", "region_mo")));

        // when / then
        assertThatThrownBy(() -> FlowOptions.defaults().withLists(lists))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lists.region");
    }

    @Test
    void shouldRejectAHostListUsingADigitTwiceOrEmpty() {
        // given
        Map<String, List<Choice>> twice = Map.of("region",
                List.of(new Choice("1", "MO", "region_mo"), new Choice("1", "NI", "region_ni")));
        Map<String, List<Choice>> empty = Map.of("region", List.of());

        // when / then
        assertThatThrownBy(() -> FlowOptions.defaults().withLists(twice)).hasMessageContaining("uses a digit twice");
        assertThatThrownBy(() -> FlowOptions.defaults().withLists(empty)).hasMessageContaining("at least one entry");
    }

    @Test
    void shouldRejectAMissingRecordingFolderOrObserver() {
        // when / then
        assertThatThrownBy(() -> new FlowOptions(Map.of(), "112", " ", FlowObserver.NONE))
                .hasMessageContaining("recordingDir");
        assertThatThrownBy(() -> new FlowOptions(Map.of(), "112", "/rec", null)).hasMessageContaining("observer");
    }
}
