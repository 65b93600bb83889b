package org.hotline.bench.danger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class KeyTapTest {

    @Test
    void shouldPassBytesThroughAndTellOnlyTheRepliesCarryingANine() throws Exception {
        // given: a "node" that records every line the simulated Asterisk sends it
        List<String> received = new CopyOnWriteArrayList<>();
        List<Long> nines = new CopyOnWriteArrayList<>();
        try (ServerSocket node = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                KeyTap tap = KeyTap.start(node.getLocalPort(), nines::add)) {
            Thread.ofVirtual().start(() -> readLines(node, received));

            // when: a key 1, a 9 after a prompt, a 9 from GET DATA, a 95 from GET DATA, split across writes
            long before = System.nanoTime();
            try (Socket asterisk = new Socket(InetAddress.getLoopbackAddress(), tap.port())) {
                OutputStream out = asterisk.getOutputStream();
                out.write("200 result=49 endpos=1200\n200 result=57 endpos=".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                out.write("800\n200 result=9\n200 result=95\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 4);
            }

            // then
            assertThat(received).containsExactly("200 result=49 endpos=1200", "200 result=57 endpos=800",
                    "200 result=9", "200 result=95");
            assertThat(nines).hasSize(2).allSatisfy(at -> assertThat(at).isGreaterThanOrEqualTo(before));
        }
    }

    private static void readLines(ServerSocket node, List<String> into) {
        try (Socket s = node.accept();
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = in.readLine()) != null) {
                into.add(line);
            }
        } catch (Exception e) {
            // the test ended the connection
        }
    }
}
