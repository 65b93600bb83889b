package org.hotline.core.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline.core.tip.Tip;
import org.hotline.core.tip.TipStatus;
import org.hotline.core.ami.AmiEvent;
import org.junit.jupiter.api.Test;

class CallPopsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant NOW_TIP = Instant.parse("2026-11-23T10:00:00Z");
    private static final Tip TIP = new Tip("t-1", "123456789", NOW_TIP, "ivr", "OPERATOR", TipStatus.REVIEW,
            Map.of("exploitationType", "FORCED_LABOUR", "region", "R3", "childInvolved", true, "immediateDanger", false,
                    "language", "fr"),
            Map.of("record", true, "callback", false, "share_services", true, "statistics", true),
            null, "rec/1700000001.5.wav", false, false, false, "operator", null, null, List.of(), "hotline@1",
            null, null);

    private final LiveHub hub = new LiveHub(Clock.systemUTC());
    private final List<JsonObject> received = new CopyOnWriteArrayList<>();

    private static AmiEvent.AgentConnected connect(Map<String, String> vars) {
        return new AmiEvent.AgentConnected(NOW, "operators", "1700000001.5", "PJSIP/op-ana", 12, vars);
    }

    @Test
    void shouldPopWhatTheCallerKeyedInToTheOperatorOfThatPhoneOnly() {
        // given
        hub.subscribeOperator("PJSIP/op-ana", (event, data) -> received.add(data));
        List<JsonObject> other = new CopyOnWriteArrayList<>();
        hub.subscribeOperator("PJSIP/op-ben", (event, data) -> other.add(data));
        CallPops pops = new CallPops(ref -> ref.equals("123456789") ? Optional.of(TIP) : Optional.empty(), hub);
        // when
        pops.onEvent(connect(Map.of("HOTLINE_REFERENCE", "123456789", "HOTLINE_LANG", "fr")));
        // then
        assertThat(other).isEmpty();
        assertThat(received).hasSize(1);
        JsonObject pop = received.get(0);
        assertThat(pop.getString("reference")).isEqualTo("123456789");
        assertThat(pop.getString("language")).isEqualTo("fr");
        assertThat(pop.getString("exploitationType")).isEqualTo("FORCED_LABOUR");
        assertThat(pop.getString("region")).isEqualTo("R3");
        assertThat(pop.getBoolean("childInvolved")).isTrue();
        assertThat(pop.getBoolean("immediateDanger")).isFalse();
        assertThat(pop.getJsonObject("consents").getMap()).containsEntry("record", true)
                .containsEntry("callback", false).containsEntry("share_services", true);
        // the police consent was never asked: shown as such, not as refused
        assertThat(pop.getJsonObject("consents").getMap()).containsKey("share_identity_police")
                .containsEntry("share_identity_police", null);
        assertThat(pop.getBoolean("recordingAvailable")).isTrue();
        assertThat(pop.getBoolean("tipFound")).isTrue();
        assertThat(pop.getLong("waitedSeconds")).isEqualTo(12);
        assertThat(pop.encode()).doesNotContain("callerHash").doesNotContain("abc");
    }

    @Test
    void shouldPopReferenceAndLanguageFromTheChannelWhenTheTipIsNotReadable() {
        // given
        hub.subscribeOperator("PJSIP/op-ana", (event, data) -> received.add(data));
        CallPops pops = new CallPops(ref -> {
            throw new IllegalStateException("MongoDB down");
        }, hub);
        // when
        pops.onEvent(connect(Map.of("HOTLINE_REFERENCE", "123456789", "HOTLINE_LANG", "ro")));
        // then
        JsonObject pop = received.get(0);
        assertThat(pop.getBoolean("tipFound")).isFalse();
        assertThat(pop.getString("reference")).isEqualTo("123456789");
        assertThat(pop.getString("language")).isEqualTo("ro");
        assertThat(pop.getJsonObject("consents").isEmpty()).isTrue();
        assertThat(pop.getBoolean("recordingAvailable")).isFalse();
    }

    @Test
    void shouldPopWithoutLookingUpATipWhenTheCallDidNotComeThroughTheIvr() {
        // given
        hub.subscribeOperator("PJSIP/op-ana", (event, data) -> received.add(data));
        List<String> looked = new CopyOnWriteArrayList<>();
        CallPops pops = new CallPops(ref -> {
            looked.add(ref);
            return Optional.empty();
        }, hub);
        // when
        pops.onEvent(connect(Map.of()));
        // then
        assertThat(looked).isEmpty();
        assertThat(received.get(0).getString("reference")).isEmpty();
        assertThat(received.get(0).getBoolean("tipFound")).isFalse();
    }

    @Test
    void shouldIgnoreEventsOtherThanAgentConnect() {
        // given
        hub.subscribeOperator("PJSIP/op-ana", (event, data) -> received.add(data));
        CallPops pops = new CallPops(ref -> Optional.of(TIP), hub);
        // when
        pops.onEvent(new AmiEvent.AgentCalled(NOW, "operators", "1700000001.5", "PJSIP/op-ana"));
        // then
        assertThat(received).isEmpty();
    }

    @Test
    void shouldShowTheLanguageTheCallerNeedsAnInterpreterFor() {
        // given: the IVR's language menu set HOTLINE_INTERPRETER for a language without prompts
        hub.subscribeOperator("PJSIP/op-ana", (event, data) -> received.add(data));
        CallPops pops = new CallPops(ref -> Optional.empty(), hub);
        // when
        pops.onEvent(connect(Map.of("HOTLINE_LANG", "en", "HOTLINE_INTERPRETER", "ar")));
        pops.onEvent(connect(Map.of("HOTLINE_LANG", "fr")));
        // then
        assertThat(received.get(0).getString("interpreterLanguage")).isEqualTo("ar");
        assertThat(received.get(1).getString("interpreterLanguage")).isEmpty();
    }
}
