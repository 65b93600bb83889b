package org.hotline.core.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline.core.abuse.internal.MongoAbuseFlagStore;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.storage.MongoStore;
import org.hotline.core.testsupport.SteppingClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Abuse flags in the embedded MongoDB: set, looked up, lifted and run out, each audited; never the number. */
class AbuseFlagsIT {

    private static final Map<String, String> CALLERS = Map.of("111111111", "5f1c0ffee0a7",
            "222222222", "5f1c0ffee0a7");

    @TempDir
    Path dir;

    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-12-06T10:00:00Z"));
    private final List<AuditEvent> audited = new CopyOnWriteArrayList<>();
    private MongoStore mongo;
    private AbuseFlags flags;

    @BeforeEach
    void start() {
        mongo = MongoStore.embedded(dir.resolve("mongo"), 0, "hotline", Duration.ofSeconds(3));
        flags = new AbuseFlags(new MongoAbuseFlagStore(mongo), reference -> Optional.ofNullable(CALLERS.get(reference)),
                audited::add, clock);
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void shouldFlagTheNumberSoItsOtherReportsAreFlaggedTooUntilTheFlagRunsOut() {
        // given
        flags.flag("sam", "111111111", Duration.ofDays(1));
        // when / then: another report from the same number is flagged
        assertThat(flags.flagged("222222222")).isTrue();
        assertThat(mongo.database().getCollection("abuse_flags").find().first().toJson()).doesNotContain("0770999111");
        // when the day has passed
        clock.advance(Duration.ofDays(1).plusSeconds(1));
        // then
        assertThat(flags.flagged("222222222")).isFalse();
        assertThat(mongo.database().getCollection("abuse_flags").countDocuments()).isZero();
        assertThat(audited).extracting(AuditEvent::action).containsExactly("abuse.flag", "abuse.flag_expired");
    }

    @Test
    void shouldLiftAFlagAndAuditIt() {
        // given
        flags.flag("sam", "111111111", Duration.ofDays(7));
        // when
        boolean lifted = flags.unflag("sam", "222222222");
        // then
        assertThat(lifted).isTrue();
        assertThat(flags.flagged("111111111")).isFalse();
        assertThat(flags.unflag("sam", "111111111")).isFalse();
        assertThat(audited).extracting(AuditEvent::action).containsExactly("abuse.flag", "abuse.unflag");
    }

    @Test
    void shouldRefuseAnUnboundedFlagAndFlagNothingWithoutANumber() {
        // when / then
        assertThatThrownBy(() -> flags.flag("sam", "111111111", Duration.ofDays(365)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(flags.flag("sam", "333333333", Duration.ofDays(1))).isEmpty();
        assertThat(mongo.database().getCollection("abuse_flags").countDocuments()).isZero();
        assertThat(audited).isEmpty();
    }
}
