package org.hotline.ivr.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.hotline.ivr.sim.AsteriskSimulator;
import org.hotline.ivr.sim.CallCli;
import org.hotline.ivr.sim.CallResult;
import org.junit.jupiter.api.Test;

/** The `./hotline call` command line against a real server socket. */
class CallCliIT {

    @Test
    void shouldPrintWhatTheCallerHeardAndExit0WhenTheCallReachesAStatus() throws Exception {
        try (ServerFixture fixture = ServerFixture.start(Map.of("hotline", TestScripts.journey()))) {
            // given
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String[] args = {"127.0.0.1", Integer.toString(fixture.server.port()), "--lang", "fr", "2", "4567", "#"};
            // when
            int status = CallCli.run(args, print(out), print(new ByteArrayOutputStream()));
            // then
            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(status).isZero();
            assertThat(printed).contains("hotline/menu (fr)", "hotline/code (fr)", "Digits spoken: 4729",
                    "HOTLINE_REFERENCE=4729", "Status: DONE");
            assertThat(printed.indexOf("hotline/menu")).isLessThan(printed.indexOf("hotline/code"));
        }
    }

    @Test
    void shouldSayWhatFailedAndWhatToCheckAndExit1WhenNoServerAnswers() throws Exception {
        // given: a port nobody listens on
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // when
        int status = CallCli.run(new String[] {"127.0.0.1", Integer.toString(port), "1"}, print(out), print(err));
        // then
        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("No FastAGI server answered at 127.0.0.1:" + port)
                .contains("./hotline run").contains("HOTLINE_AGI_HOST").contains("HOTLINE_AGI_PORT");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void shouldAnswerAKeyedPromptWhereverItPlaysAndTheOthersInOrder() throws Exception {
        try (ServerFixture fixture = ServerFixture.start(Map.of("hotline", TestScripts.journey()))) {
            // given: the code keyed by prompt name, before the plain arguments for the menu and the beep
            CallCli.Request request = CallCli.parse(new String[] {"127.0.0.1", Integer.toString(fixture.server.port()),
                    "code=4567", "2", "#"});
            // when
            CallResult result = new AsteriskSimulator(request.host(), request.port())
                    .call(request.setup(), request.caller());
            // then
            assertThat(result.exchanges()).anyMatch(e -> e.command().startsWith("STREAM FILE \"hotline/menu\"")
                    && e.finalReply().startsWith("200 result=50"));
            assertThat(result.exchanges()).anyMatch(e -> e.command().startsWith("GET DATA \"hotline/code\"")
                    && e.finalReply().equals("200 result=4567"));
            assertThat(result.recordings()).singleElement().satisfies(r -> assertThat(r.endedBy()).isEqualTo("dtmf"));
            assertThat(result.status()).isEqualTo("DONE");
        }
    }

    private static PrintStream print(ByteArrayOutputStream bytes) throws IOException {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
