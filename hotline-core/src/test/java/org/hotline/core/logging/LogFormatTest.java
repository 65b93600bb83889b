package org.hotline.core.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class LogFormatTest {

    private static final Instant TIME = Instant.parse("2026-12-03T10:15:30.123456Z");

    @Test
    void shouldWriteTextWithTimeLevelThreadAndShortLoggerName() {
        String line = LogFormat.TEXT.line(TIME, Level.INFO, "main", "org.hotline.core.NodeAssembly", "ready", null);

        assertThat(line).isEqualTo("2026-12-03T10:15:30.123Z INFO  [main] NodeAssembly - ready");
    }

    @Test
    void shouldFollowATextLineWithTheStackTraceOfAnUnexpectedError() {
        String line = LogFormat.TEXT.line(TIME, Level.ERROR, "main", "x.Y", "failed", new IllegalStateException("boom"));

        assertThat(line.lines()).first().isEqualTo("2026-12-03T10:15:30.123Z ERROR [main] Y - failed");
        assertThat(line).contains("java.lang.IllegalStateException: boom").contains("\tat ");
    }

    @Test
    void shouldWriteOneJsonObjectOnOneLineEscapingWhatJsonNeeds() {
        String line = LogFormat.JSON.line(TIME, Level.WARN, "agi-call-1", "org.hotline.X",
                "quote \" back\\slash\nnew line\ttab \u0001", new IllegalStateException("boom"));

        assertThat(line).doesNotContain("\n");
        JsonObject json = new JsonObject(line);
        assertThat(json.getString("time")).isEqualTo("2026-12-03T10:15:30.123Z");
        assertThat(json.getString("level")).isEqualTo("WARN");
        assertThat(json.getString("thread")).isEqualTo("agi-call-1");
        assertThat(json.getString("logger")).isEqualTo("org.hotline.X");
        assertThat(json.getString("message")).isEqualTo("quote \" back\\slash\nnew line\ttab \u0001");
        assertThat(json.getString("error")).isEqualTo("java.lang.IllegalStateException: boom");
        assertThat(json.getString("stack")).contains("\tat ");
    }
}
