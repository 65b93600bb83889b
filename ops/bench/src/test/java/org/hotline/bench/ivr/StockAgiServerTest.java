package org.hotline.bench.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class StockAgiServerTest {

    @Test
    void shouldSeeAListeningPortInTheKernelsTableAndNotAClosedOne() throws Exception {
        // given
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
            // when / then: listed while it listens
            assertThat(StockAgiServer.listening(port)).isTrue();
        }
        // and gone once closed
        assertThat(StockAgiServer.listening(port)).isFalse();
    }
}
