package org.hotline.ivr.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.hotline.ivr.server.IvrServerConfig.Threads;
import org.hotline.ivr.sim.CallResult;
import org.hotline.ivr.sim.CallSetup;
import org.hotline.ivr.sim.CallerScript;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Capacity: no hidden cap below the configured one, and a spoken busy answer above it. */
class IvrServerCapacityIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @ParameterizedTest(name = "{0} threads")
    @EnumSource(value = Threads.class, names = {"VIRTUAL", "POOL"})
    void shouldPlayTheBusyPromptAndSetBusyWhenCallsExceedCapacity(Threads threads) throws Exception {
        // given: capacity 3, three calls held open
        CountDownLatch connected = new CountDownLatch(3);
        CountDownLatch release = new CountDownLatch(1);
        IvrServerConfig config = ServerFixture.TEST_CONFIG.withCapacity(3).withThreads(threads, 3);
        try (ServerFixture fixture = new ServerFixture(config, Map.of("held", TestScripts.held(connected, release)))) {
            List<CompletableFuture<CallResult>> held = place(fixture, 3);
            assertThat(connected.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(fixture.server.activeCalls()).isEqualTo(3);
            // when: two more callers arrive
            List<CompletableFuture<CallResult>> extra = place(fixture, 2);
            List<CallResult> busy = results(extra);
            release.countDown();
            List<CallResult> served = results(held);
            // then
            assertThat(busy).allSatisfy(result -> {
                assertThat(result.status()).isEqualTo(CallStatus.BUSY);
                assertThat(result.promptsHeard()).containsExactly(IvrServerConfig.DEFAULT_BUSY_PROMPT);
            });
            assertThat(served).extracting(CallResult::status).containsOnly("DONE");
            assertThat(fixture.observer.busy).hasSize(2);
            await().atMost(WAIT).until(() -> fixture.server.activeCalls() == 0);
        }
    }

    /** Virtual threads hold 2,000 calls; the platform pool (JDK 21-23) holds more than the stock cap of 500. */
    @ParameterizedTest(name = "{1} calls on {0} threads")
    @CsvSource({"VIRTUAL, 2000", "POOL, 600"})
    void shouldHoldManySimultaneousCallsWithoutRefusingAny(Threads threads, int calls) throws Exception {
        // given
        CountDownLatch connected = new CountDownLatch(calls);
        CountDownLatch release = new CountDownLatch(1);
        IvrServerConfig config = ServerFixture.TEST_CONFIG.withCapacity(calls).withThreads(threads, calls);
        try (ServerFixture fixture = new ServerFixture(config, Map.of("held", TestScripts.held(connected, release)))) {
            // when: every call is connected and held at once
            List<CompletableFuture<CallResult>> all = place(fixture, calls);
            assertThat(connected.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            int heldAtOnce = fixture.server.activeCalls();
            release.countDown();
            List<CallResult> results = results(all);
            // then
            assertThat(heldAtOnce).isEqualTo(calls);
            assertThat(results).extracting(CallResult::status).containsOnly("DONE");
            assertThat(results).allSatisfy(result -> assertThat(result.violations()).isEmpty());
            assertThat(fixture.observer.busy).isEmpty();
            assertThat(fixture.observer.outcomes()).hasSize(calls).containsOnly(SessionOutcome.COMPLETED);
        }
    }

    private static List<CompletableFuture<CallResult>> place(ServerFixture fixture, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> fixture.simulator.callAsync(CallSetup.of("held"), CallerScript.silent()))
                .toList();
    }

    private static List<CallResult> results(List<CompletableFuture<CallResult>> calls) throws Exception {
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return calls.stream().map(CompletableFuture::join).toList();
    }
}
