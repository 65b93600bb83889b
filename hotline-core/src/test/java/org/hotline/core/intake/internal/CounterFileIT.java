package org.hotline.core.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CounterFileIT {

    @TempDir
    Path dir;

    @Test
    void shouldNeverRepeatAValueAfterReopeningWithoutAnOrderlyClose() {
        // given: a counter used a little, then abandoned as a killed process would leave it
        Path file = dir.resolve("counter");
        CounterFile first = CounterFile.open(file);
        long a = first.next();
        long b = first.next();
        // when
        CounterFile reopened = CounterFile.open(file);
        long c = reopened.next();
        // then
        assertThat(b).isEqualTo(a + 1);
        assertThat(c).isGreaterThan(b);
    }

    @Test
    void shouldRefuseACorruptCounterRatherThanRestartFromZero() throws Exception {
        Path file = dir.resolve("counter");
        Files.writeString(file, "not a number");
        assertThatThrownBy(() -> CounterFile.open(file)).hasMessageContaining("cannot read the reference counter");
    }
}
