package org.hotline.bench.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StepSummaryTest {

    @Test
    void shouldCountTheMostCallsOpenAtOneInstant() {
        // given: [0,10) [2,5) [3,12) [5,6) [10,11) -> at 3..5 three are open; at 5 one ends and one starts
        List<long[]> calls = List.of(new long[] {0, 10}, new long[] {2, 5}, new long[] {3, 12}, new long[] {5, 6},
                new long[] {10, 11});

        // when / then
        assertThat(StepSummary.peak(calls)).isEqualTo(3);
    }

    @Test
    void shouldCountNoneWhenThereAreNoCalls() {
        assertThat(StepSummary.peak(List.of())).isZero();
    }

    @Test
    void shouldNameCommandsByTheirVerbWithoutArguments() {
        assertThat(StepSummary.verb("STREAM FILE hotline/welcome \"0123456789*#\"")).isEqualTo("STREAM FILE");
        assertThat(StepSummary.verb("SAY DIGITS 123456789 \"\"")).isEqualTo("SAY DIGITS");
        assertThat(StepSummary.verb("ANSWER")).isEqualTo("ANSWER");
        assertThat(StepSummary.verb("EXEC Playback beep")).isEqualTo("EXEC");
    }
}
