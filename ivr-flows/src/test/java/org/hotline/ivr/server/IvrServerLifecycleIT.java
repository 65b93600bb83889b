package org.hotline.ivr.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hotline.ivr.sim.CallResult;
import org.hotline.ivr.sim.CallResult.SessionEnd;
import org.hotline.ivr.sim.CallSetup;
import org.hotline.ivr.sim.CallerScript;
import org.junit.jupiter.api.Test;

/** Start on a free port, refuse a second start, and stop by letting calls in progress finish. */
class IvrServerLifecycleIT {

    @Test
    void shouldLetCallsInProgressFinishAndRefuseNewOnesWhenStopping() throws Exception {
        // given: one call held inside its script
        CountDownLatch connected = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ServerFixture fixture = ServerFixture.start(Map.of("held", TestScripts.held(connected, release)));
        CompletableFuture<CallResult> inProgress = fixture.simulator.callAsync(CallSetup.of("held"),
                CallerScript.silent());
        assertThat(connected.await(10, TimeUnit.SECONDS)).isTrue();
        // when
        CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(
                () -> fixture.server.stop(Duration.ofSeconds(20)));
        await().atMost(Duration.ofSeconds(5)).until(() -> refusesConnections(fixture.server.port()));
        release.countDown();
        // then
        assertThat(stopped.get(20, TimeUnit.SECONDS)).isTrue();
        assertThat(inProgress.get(10, TimeUnit.SECONDS).status()).isEqualTo("DONE");
        assertThat(fixture.server.activeCalls()).isZero();
    }

    @Test
    void shouldCutOffCallsThatOutlastTheDrainTime() throws Exception {
        // given: a call that would never finish by itself
        CountDownLatch connected = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        ServerFixture fixture = ServerFixture.start(Map.of("held", TestScripts.held(connected, never)));
        CompletableFuture<CallResult> stuck = fixture.simulator.callAsync(CallSetup.of("held"), CallerScript.silent());
        assertThat(connected.await(10, TimeUnit.SECONDS)).isTrue();
        // when
        boolean drained = fixture.server.stop(Duration.ofMillis(200));
        // then
        assertThat(drained).isFalse();
        assertThat(stuck.get(10, TimeUnit.SECONDS).ending()).isEqualTo(SessionEnd.SCRIPT_CLOSED);
        never.countDown();
    }

    @Test
    void shouldRefuseASecondStartAndReportABusyPort() throws Exception {
        try (ServerFixture fixture = ServerFixture.start(Map.of())) {
            // then
            assertThat(fixture.server.port()).isPositive();
            assertThatThrownBy(fixture.server::start).isInstanceOf(IllegalStateException.class);
            IvrServer second = new IvrServer(ServerFixture.TEST_CONFIG.withPort(fixture.server.port()), Map.of(),
                    CallObserver.NONE);
            assertThatThrownBy(second::start).isInstanceOf(IOException.class);
        }
    }

    @Test
    void shouldRejectScriptNamesThatCannotBeMatched() {
        assertThatThrownBy(() -> new IvrServer(ServerFixture.TEST_CONFIG,
                Map.of("hot line", TestScripts.journey()), CallObserver.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hot line");
        assertThatThrownBy(() -> new IvrServer(ServerFixture.TEST_CONFIG,
                Map.of("hotline?lang=en", TestScripts.journey()), CallObserver.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean refusesConnections(int port) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
