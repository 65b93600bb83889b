package org.hotline.bench.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IvrLoadBenchTest {

    @Test
    void shouldCountTheMostCallsOpenAtOneInstant() {
        // given: [0,10) [2,5) [3,12) [5,6) [10,11) -> at 3..5 three are open; at 5 one ends and one starts
        List<long[]> calls = List.of(new long[] {0, 10}, new long[] {2, 5}, new long[] {3, 12}, new long[] {5, 6},
                new long[] {10, 11});

        // when / then
        assertThat(IvrLoadBench.peak(calls)).isEqualTo(3);
    }

    @Test
    void shouldCountNoneWhenThereAreNoCalls() {
        assertThat(IvrLoadBench.peak(List.of())).isZero();
    }

    @Test
    void shouldNameCommandsByTheirVerbWithoutArguments() {
        assertThat(IvrLoadBench.verb("STREAM FILE hotline/welcome \"0123456789*#\"")).isEqualTo("STREAM FILE");
        assertThat(IvrLoadBench.verb("SAY DIGITS 123456789 \"\"")).isEqualTo("SAY DIGITS");
        assertThat(IvrLoadBench.verb("ANSWER")).isEqualTo("ANSWER");
        assertThat(IvrLoadBench.verb("EXEC Playback beep")).isEqualTo("EXEC");
    }

    @Test
    void shouldLeaveOutOnlyTheCommandsTheServerWorkedOnWhileItsHeapWasCounted() {
        // given: the heap was counted from t=100 to t=200 (nanoTime units)
        long[] window = {100, 200};

        // when / then: a turnaround is the span [arrived - turnaround, arrived]
        assertThat(IvrLoadBench.overlaps(exchange(120, 30), window)).as("began before, ended inside").isTrue();
        assertThat(IvrLoadBench.overlaps(exchange(150, 10), window)).as("inside").isTrue();
        assertThat(IvrLoadBench.overlaps(exchange(300, 250), window)).as("spans the window").isTrue();
        assertThat(IvrLoadBench.overlaps(exchange(50, 40), window)).as("before").isFalse();
        assertThat(IvrLoadBench.overlaps(exchange(260, 50), window)).as("after").isFalse();
    }

    private static org.hotline.ivr.sim.CallResult.Exchange exchange(long arrived, long turnaroundNanos) {
        return new org.hotline.ivr.sim.CallResult.Exchange(1, "ANSWER", List.of("200 result=0"),
                java.time.Duration.ofNanos(turnaroundNanos), arrived);
    }
}
