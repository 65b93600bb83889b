package org.hotline.core.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class LogSettingsTest {

    @Test
    void shouldLogAtInfoAsTextWhenNothingIsSet() {
        assertThat(LogSettings.fromEnvironment(Map.of(), null)).isEqualTo(LogSettings.DEFAULTS)
                .isEqualTo(new LogSettings(Level.INFO, LogFormat.TEXT));
    }

    @Test
    void shouldReadTheLevelAndFormatInAnyCaseAndLetTheJvmPropertyWin() {
        LogSettings settings = LogSettings.fromEnvironment(
                Map.of("HOTLINE_LOG_LEVEL", "debug", "HOTLINE_LOG_FORMAT", "JSON"), null);
        assertThat(settings).isEqualTo(new LogSettings(Level.DEBUG, LogFormat.JSON));
        assertThat(LogSettings.fromEnvironment(Map.of("HOTLINE_LOG_LEVEL", "debug"), "warn").level()).isEqualTo(Level.WARN);
        assertThat(LogSettings.fromEnvironment(Map.of("HOTLINE_LOG_LEVEL", "off"), null).level()).isNull();
    }

    @Test
    void shouldNameTheVariableWhenAValueIsUnknown() {
        assertThatThrownBy(() -> LogSettings.fromEnvironment(Map.of("HOTLINE_LOG_LEVEL", "loud"), null))
                .hasMessageContaining("HOTLINE_LOG_LEVEL").hasMessageContaining("'loud'");
        assertThatThrownBy(() -> LogSettings.fromEnvironment(Map.of("HOTLINE_LOG_FORMAT", "xml"), null))
                .hasMessageContaining("HOTLINE_LOG_FORMAT").hasMessageContaining("'xml'");
    }

    @Test
    void shouldHoldChattyLibrariesAboveInfoButNotTheHotlinesOwnLoggers() {
        LogSettings info = LogSettings.DEFAULTS;
        assertThat(info.thresholdFor("de.bwaldvogel.mongo.wire.MongoWireProtocolHandler")).isEqualTo(Level.ERROR);
        assertThat(info.thresholdFor("org.mongodb.driver.client")).isEqualTo(Level.WARN);
        assertThat(info.thresholdFor("org.apache.camel.impl.engine.AbstractCamelContext")).isEqualTo(Level.WARN);
        assertThat(info.thresholdFor(LogSettings.ASTERISK_JAVA_SERVER)).isNull();
        assertThat(info.thresholdFor("org.hotline.core.referral.AttemptRecorder")).isEqualTo(Level.INFO);
        assertThat(new LogSettings(Level.ERROR, LogFormat.TEXT).thresholdFor("org.mongodb.driver.client"))
                .isEqualTo(Level.ERROR);
    }

    @Test
    void shouldShowEverythingAtDebug() {
        LogSettings debug = new LogSettings(Level.DEBUG, LogFormat.TEXT);
        assertThat(debug.thresholdFor("de.bwaldvogel.mongo.wire.MongoWireProtocolHandler")).isEqualTo(Level.DEBUG);
        assertThat(debug.thresholdFor(LogSettings.ASTERISK_JAVA_SERVER)).isEqualTo(Level.DEBUG);
    }
}
