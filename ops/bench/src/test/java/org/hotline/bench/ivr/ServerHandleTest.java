package org.hotline.bench.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServerHandleTest {

    @Test
    void shouldStartServersOnTheServicesCollectorWithoutProactiveCycles() {
        assertThat(ServerHandle.serverJvm("java", "4g", List.of(), 25))
                .containsExactly("java", "-Xmx4g", "-Dhotline.log.level=warn", "-XX:+UseZGC", "-XX:-ZProactive");
        assertThat(ServerHandle.serverJvm("java", "4g", List.of("-Xlog:gc"), 21))
                .containsExactly("java", "-Xmx4g", "-Dhotline.log.level=warn", "-XX:+UseZGC", "-XX:+ZGenerational",
                        "-XX:-ZProactive", "-Xlog:gc");
    }

    @Test
    void shouldLeaveTheCollectorToTheExtraOptionsWhenTheyNameOne() {
        assertThat(ServerHandle.serverJvm("java", "1g", List.of("-XX:+UseG1GC"), 25))
                .containsExactly("java", "-Xmx1g", "-Dhotline.log.level=warn", "-XX:+UseG1GC");
    }
}
