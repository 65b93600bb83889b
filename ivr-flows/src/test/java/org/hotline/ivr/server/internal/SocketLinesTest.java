package org.hotline.ivr.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
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

    @Test
    void shouldEndAWatchedReadThatWaitsPastItsTimeoutAndKeepTheOutputOpen() throws Exception {
        // given: per-read timeouts of 200 ms kept by the watchdog's calls, not by the socket
        SocketLines lines = new SocketLines(accepted);
        lines.eachReadWithin(Duration.ofMillis(200));
        assertThat(accepted.getSoTimeout()).as("no timer per read").isZero();
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try {
                return lines.readLine(8192);
            } catch (java.io.IOException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        // when: the watchdog looks while the read is young, then after its timeout
        await().atMost(Duration.ofSeconds(5)).until(lines::waiting);
        assertThat(lines.expireIfWaitingSince(System.nanoTime())).as("a read younger than its timeout").isFalse();
        boolean ended = await().atMost(Duration.ofSeconds(5)).until(
                () -> lines.expireIfWaitingSince(System.nanoTime()), done -> done);
        // then: the read fails as timed out, so does the next one at once, and the peer still hears us
        assertThat(ended).isTrue();
        assertThatThrownBy(() -> read.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(SocketTimeoutException.class);
        assertThatThrownBy(() -> lines.readLine(8192)).isInstanceOf(SocketTimeoutException.class);
        accepted.getOutputStream().write("SET VARIABLE HOTLINE_STATUS FAILED\n".getBytes(StandardCharsets.UTF_8));
        assertThat(new java.io.BufferedReader(new java.io.InputStreamReader(peer.getInputStream(),
                StandardCharsets.UTF_8)).readLine()).isEqualTo("SET VARIABLE HOTLINE_STATUS FAILED");
    }

    @Test
    void shouldLeaveAWatchedConnectionAloneWhileNoReadWaits() throws Exception {
        // given: a watched connection whose reads got their lines at once
        out.write("200 result=0\n".getBytes(StandardCharsets.UTF_8));
        SocketLines lines = new SocketLines(accepted);
        lines.eachReadWithin(Duration.ofMillis(1));
        assertThat(lines.readLine(8192)).isEqualTo("200 result=0");
        // when: the watchdog looks long after
        boolean ended = lines.expireIfWaitingSince(System.nanoTime() + TimeUnit.HOURS.toNanos(1));
        // then: nothing was waiting, so nothing ends, and the next line is read as usual
        assertThat(ended).isFalse();
        out.write("200 result=1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(lines.readLine(8192)).isEqualTo("200 result=1");
    }
}
