package org.hotline.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.hotline.core.storage.MongoStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A refused sign-in costs the same whether or not the username exists, so timing does not list accounts. */
class SignInTimingIT {

    private static final String PASSWORD = "a long enough password";
    private static final int ROUNDS = 5;

    @TempDir
    Path dir;

    private MongoStore mongo;
    private UserAccounts accounts;

    @BeforeEach
    void start() {
        mongo = MongoStore.embedded(dir.resolve("mongo"), 0, "hotline", Duration.ofSeconds(3));
        // enough iterations that hashing, not the database, is what a sign-in spends its time on
        accounts = new UserAccounts(mongo, new PasswordHasher(400_000), event -> { }, Clock.systemUTC(),
                new SecondFactor(mongo, org.hotline.core.security.ServerKey.load(java.util.Optional.empty(), dir), SecondFactor.DEFAULT_REQUIRED_ROLES, Clock.systemUTC()));
        accounts.ensureIndexes();
        accounts.create("ana.operator", PASSWORD.toCharArray(), Set.of(Role.OPERATOR), Optional.empty(), "test");
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void shouldTakeAsLongToRefuseAnUnknownUsernameAsAWrongPassword() {
        // given: each attempt from its own address, so no back-off cuts one short
        int[] source = {0};
        Supplier<SignIn> known = () -> accounts.signIn("ana.operator", "not the password".toCharArray(),
                "10.0.0." + source[0]++);
        Supplier<SignIn> unknown = () -> accounts.signIn("nobody.here", "not the password".toCharArray(),
                "10.0.1." + source[0]++);
        known.get();
        unknown.get();
        // when: the fastest of several rounds of each, taken in turns, so a busy machine slows both alike
        long knownBest = Long.MAX_VALUE;
        long unknownBest = Long.MAX_VALUE;
        for (int i = 0; i < ROUNDS; i++) {
            knownBest = Math.min(knownBest, nanos(known));
            unknownBest = Math.min(unknownBest, nanos(unknown));
        }
        // then: one password hash each (two for the unknown name would be twice as long)
        assertThat((double) unknownBest).isLessThan(knownBest * 1.35);
        assertThat((double) knownBest).isLessThan(unknownBest * 1.35);
    }

    private static long nanos(Supplier<SignIn> attempt) {
        long start = System.nanoTime();
        assertThat(attempt.get()).isInstanceOf(SignIn.Refused.class);
        return System.nanoTime() - start;
    }
}
