package org.hotline.ivr.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.ivr.server.IvrServerConfig.Threads;
import org.hotline.ivr.sim.CallResult;
import org.hotline.ivr.sim.CallSetup;
import org.hotline.ivr.sim.CallerScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A connection becomes a call only once its agi_ block is complete; until then it has a short time limit. */
class IvrServerAdmissionIT {

    private static final String CALLER_NUMBER = "231770000123";

    @ParameterizedTest(name = "{0} threads")
    @EnumSource(value = Threads.class, names = {"VIRTUAL", "POOL"})
    void shouldNotCountIdleConnectionsAsCallsAndCloseThemAfterTheHeaderTimeout(Threads threads) throws Exception {
        // given: room for 20 calls, and an agi_ block must be complete within a second
        IvrServerConfig config = ServerFixture.TEST_CONFIG.withCapacity(20).withThreads(threads, 20)
                .withHeaderTimeout(Duration.ofSeconds(1));
        List<Socket> idle = new ArrayList<>();
        try (ServerFixture fixture = new ServerFixture(config, Map.of("journey", TestScripts.journey()))) {
            // when: 200 connections send nothing, or only the start of a block
            for (int i = 0; i < 200; i++) {
                Socket socket = new Socket("127.0.0.1", fixture.server.port());
                if (i % 10 == 0) {
                    socket.getOutputStream().write("agi_network: yes\n".getBytes(StandardCharsets.UTF_8));
                }
                idle.add(socket);
            }
            CallResult call = fixture.simulator.call("journey", CallerScript.pressing("1", "1234", "#"));
            // then: a real call is served meanwhile, and the idle connections are not calls
            assertThat(call.status()).isEqualTo("DONE");
            assertThat(fixture.observer.busy).isEmpty();
            await().atMost(Duration.ofSeconds(5)).until(() -> fixture.observer.ended.size() == 1);
            assertThat(fixture.server.activeCalls()).isZero();
            // and: the server closes every idle connection once the header time is up
            for (Socket socket : idle) {
                assertThat(closedByServer(socket)).isTrue();
            }
        } finally {
            for (Socket socket : idle) {
                socket.close();
            }
        }
    }

    @Test
    void shouldLogTheShapeOfAMalformedHeaderLineButNeverItsContent() throws Exception {
        // given
        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (ServerFixture fixture = ServerFixture.start(Map.of("journey", TestScripts.journey()))) {
            String block = CallSetup.of("journey").headerBlock("127.0.0.1", fixture.server.port())
                    .replace("agi_context: hotline\n", "agi_context: hotline\ncallerid: +" + CALLER_NUMBER + "\n+"
                            + CALLER_NUMBER + " is my number\n");
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            // when
            CallResult result = fixture.simulator.callRaw(block, false, CallerScript.silent());
            // then
            assertThat(result.status()).isEqualTo(CallStatus.BAD_REQUEST);
            await().atMost(Duration.ofSeconds(5)).until(() -> !fixture.observer.malformed.isEmpty());
        } finally {
            System.setErr(original);
        }
        String logged = log.toString(StandardCharsets.UTF_8);
        assertThat(logged).contains("not an agi_ variable").contains("key 'callerid'").contains("no key")
                .doesNotContain(CALLER_NUMBER);
    }

    /** True when the server closed the connection (end of stream) within a few seconds. */
    private static boolean closedByServer(Socket socket) throws IOException {
        socket.setSoTimeout(5_000);
        try {
            return socket.getInputStream().read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }
}
