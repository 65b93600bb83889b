package org.hotline.ivr.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lines read through {@link SocketLines} from a real loopback connection. */
class SocketLinesTest {

    private ServerSocket server;
    private Socket peer;
    private Socket accepted;
    private OutputStream out;

    @BeforeEach
    void connect() throws Exception {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        peer = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        accepted = server.accept();
        out = peer.getOutputStream();
    }

    @AfterEach
    void close() throws Exception {
        peer.close();
        accepted.close();
        server.close();
    }

    @Test
    void shouldReadLinesEndedEitherWayAcrossReadsAndTheLastOneWithoutAnEnd() throws Exception {
        // given: lines longer than the buffer, CRLF and LF ends, multi-byte text, a last line without an end
        String longLine = "agi_arg_1: " + "x".repeat(5000);
        out.write((longLine + "\r\nagi_callerid: é\n\n").getBytes(StandardCharsets.UTF_8));
        out.write("200 result=0".getBytes(StandardCharsets.UTF_8));
        peer.shutdownOutput();
        SocketLines lines = new SocketLines(accepted);
        // then
        assertThat(lines.readLine(8192)).isEqualTo(longLine);
        assertThat(lines.readLine(8192)).isEqualTo("agi_callerid: é");
        assertThat(lines.readLine(8192)).isEmpty();
        assertThat(lines.readLine(8192)).isEqualTo("200 result=0");
        assertThat(lines.overlong()).isFalse();
        assertThat(lines.readLine(8192)).isNull();
    }

    @Test
    void shouldCutALineAtItsMaximumAndSaySo() throws Exception {
        // given
        out.write(("a".repeat(20) + "\nnext\n").getBytes(StandardCharsets.UTF_8));
        SocketLines lines = new SocketLines(accepted);
        // when
        String cut = lines.readLine(10);
        // then
        assertThat(cut).isEqualTo("a".repeat(10));
        assertThat(lines.overlong()).isTrue();
    }

    @Test
    void shouldGiveATricklingPeerNoMoreThanItsDeadline() throws Exception {
        // given: a peer that sends a byte every 100 ms and a deadline of 500 ms for the whole block
        SocketLines lines = new SocketLines(accepted);
        lines.until(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500));
        java.util.concurrent.ScheduledExecutorService trickle = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor();
        trickle.scheduleAtFixedRate(() -> {
            try {
                out.write('a');
                out.flush();
            } catch (java.io.IOException e) {
                // the reader closed the connection: done
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
        // then: the read fails once the deadline has passed, not when the peer is done
        long start = System.nanoTime();
        assertThatThrownBy(() -> lines.readLine(8192)).isInstanceOf(SocketTimeoutException.class);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(3_000);
        accepted.close();
        trickle.shutdownNow();
    }
}
