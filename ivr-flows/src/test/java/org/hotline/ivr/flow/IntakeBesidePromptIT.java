package org.hotline.ivr.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
    /** Counts down when the call finishes a command while intake still holds its tip. */
    private final CountDownLatch commandWhileHeld = new CountDownLatch(1);
    private final FlowHarness harness = new FlowHarness(FlowHarness.FLOWS, FlowOptions.defaults(), new CallObserver() {
        @Override
        public void commandCompleted(String command, Duration latency) {
            if (entered.getCount() == 0 && release.getCount() == 1) {
                commandWhileHeld.countDown();
            }
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
        // given: intake holds the tip until the test lets it go
        harness.intake.hold(entered, release);

        // when
        CompletableFuture<CallResult> call = harness.callAsync("hotline", caller);
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        // then: the prompt went out while intake still worked on the tip
        assertThat(commandWhileHeld.await(5, TimeUnit.SECONDS)).as("a command completed while intake held the tip")
                .isTrue();
        long releasedAt = System.nanoTime();
        release.countDown();
        CallResult done = call.get(10, TimeUnit.SECONDS);
        assertThat(done.violations()).isEmpty();
        assertThat(done.exchanges()).filteredOn(e -> e.command().contains("hotline/" + prompt)).first()
                .satisfies(e -> assertThat(e.arrivedAtNanos()).isLessThan(releasedAt));
        assertThat(harness.intake.tips()).singleElement().satisfies(tip -> assertThat(tip.outcome()).isEqualTo(outcome));
    }

    @Test
    void shouldSayTheReferenceOnlyOnceIntakeHoldsTheTip() throws Exception {
        // given
        harness.intake.hold(entered, release);

        // when
        CompletableFuture<CallResult> call = harness.callAsync("hotline", ReportJourneyIT.fullReport("1"));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(commandWhileHeld.await(5, TimeUnit.SECONDS)).isTrue();
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
}
