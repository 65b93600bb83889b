package org.hotline.ivr.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.hotline.ivr.CallOutcome;
import org.hotline.ivr.server.CallObserver;
import org.hotline.ivr.sim.CallResult;
import org.hotline.ivr.sim.CallerScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Intake makes a tip durable (sealing, journal fsync) beside the prompt the caller hears next, not before it: no
 * command of the call waits for the disk, and a reference is still said only once its tip is safe.
 */
class IntakeBesidePromptIT {

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    /** Commands the server has finished (sent and had answered) since the test last reset it. */
    private final AtomicInteger completed = new AtomicInteger();
    private final FlowHarness harness = new FlowHarness(FlowHarness.FLOWS, FlowOptions.defaults(), new CallObserver() {
        @Override
        public void commandCompleted(String command, Duration latency) {
            completed.incrementAndGet();
        }
    });

    @AfterEach
    void stop() {
        release.countDown();
        harness.close();
    }

    static Stream<Arguments> handOffs() {
        CallerScript menu = CallerScript.pressing("1").silence();
        return Stream.of(
                Arguments.of("the reference", ReportJourneyIT.fullReport("1"), "your_reference", CallOutcome.COMPLETED),
                Arguments.of("the danger key", menu.press("9"), "connecting_emergency", CallOutcome.EMERGENCY),
                Arguments.of("a person asked for", menu.press("4"), "connecting_operator", CallOutcome.OPERATOR));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handOffs")
    void shouldPlayTheNextPromptWhileIntakeMakesTheTipDurable(String path, CallerScript caller, String prompt,
                                                              CallOutcome outcome) throws Exception {
        // given: the number of the command that plays the prompt, from the same call with intake answering at once
        int promptCommand = commandPlaying(harness.call("hotline", caller), prompt);
        // and intake holding the next tip until the test lets it go
        completed.set(0);
        harness.intake.hold(entered, release);

        // when
        CompletableFuture<CallResult> call = harness.callAsync("hotline", caller);
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        // then: the prompt went out and was answered while intake still held the tip
        assertThat(promptPlayedWithin(promptCommand, Duration.ofSeconds(5)))
                .as("command %d (the prompt) completed while intake held the tip", promptCommand).isTrue();
        long releasedAt = System.nanoTime();
        release.countDown();
        CallResult done = call.get(10, TimeUnit.SECONDS);
        assertThat(done.violations()).isEmpty();
        assertThat(done.exchanges()).filteredOn(e -> e.command().contains("hotline/" + prompt)).first()
                .satisfies(e -> assertThat(e.arrivedAtNanos()).isLessThan(releasedAt));
        assertThat(harness.intake.tips()).hasSize(2).last().satisfies(tip -> assertThat(tip.outcome()).isEqualTo(outcome));
    }

    @Test
    void shouldSayTheReferenceOnlyOnceIntakeHoldsTheTip() throws Exception {
        // given
        int introduction = commandPlaying(harness.call("hotline", ReportJourneyIT.fullReport("1")), "your_reference");
        completed.set(0);
        harness.intake.hold(entered, release);

        // when
        CompletableFuture<CallResult> call = harness.callAsync("hotline", ReportJourneyIT.fullReport("1"));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(promptPlayedWithin(introduction, Duration.ofSeconds(5)))
                .as("the introduction completed while intake held the tip").isTrue();
        long releasedAt = System.nanoTime();
        release.countDown();
        CallResult done = call.get(10, TimeUnit.SECONDS);

        // then: the digits and the channel's HOTLINE_REFERENCE came after intake let the tip go
        assertThat(done.exchanges()).filteredOn(e -> e.command().contains(RecordingIntake.RECEIPT.reference()))
                .isNotEmpty().allSatisfy(e -> assertThat(e.arrivedAtNanos()).isGreaterThan(releasedAt));
        assertThat(done.digitsSaid()).contains(RecordingIntake.RECEIPT.reference(), RecordingIntake.RECEIPT.pin());
    }

    @Test
    void shouldHandTheTipOverOnceWhenTheCallerHangsUpWhileIntakeIsStillAtWork() throws Exception {
        // given: intake holds the tip, and the caller hangs up as the reference's introduction starts
        harness.intake.hold(entered, release);
        CompletableFuture<CallResult> call = harness.callAsync("hotline", ReportJourneyIT.fullReport("1")
                .hangUpWhenPromptStarts("en/hotline/your_reference"));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        // when
        release.countDown();
        CallResult done = call.get(10, TimeUnit.SECONDS);

        // then: the tip handed over at the reference node is the only one, not doubled by a partial one
        assertThat(done.callerHungUp()).isTrue();
        assertThat(harness.intake.tips()).singleElement().satisfies(tip -> {
            assertThat(tip.outcome()).isEqualTo(CallOutcome.COMPLETED);
            assertThat(tip.lastNode()).isEqualTo("reference");
        });
        assertThat(done.digitsSaid()).isEmpty();
    }

    /** The number of the command that played {@code prompt} in {@code call}. */
    private static int commandPlaying(CallResult call, String prompt) {
        return call.exchanges().stream().filter(e -> e.command().contains("hotline/" + prompt)).findFirst()
                .orElseThrow(() -> new AssertionError("the call never played " + prompt)).number();
    }

    /** Waits until the server has finished {@code commands} commands of the call held in intake, or gives up. */
    private boolean promptPlayedWithin(int commands, Duration limit) {
        try {
            await().atMost(limit).pollInterval(Duration.ofMillis(10)).until(() -> completed.get() >= commands);
        } catch (ConditionTimeoutException e) {
            // the caller's assertion names the command that never completed while intake held the tip
        }
        return completed.get() >= commands;
    }
}
