package org.hotline.core.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./hotline test} prepares what the suite needs, says what ran and what was skipped, and leaves a build
 * the other commands use as it is. Runs the real launcher scripts against fake tools ({@link FakeCheckout}).
 */
class LauncherTestCommandIT {

    @TempDir
    Path dir;

    @Test
    void shouldNotBuildAgainWhenAPathwayIsValidatedAfterTheTests() throws Exception {
        // given: a checkout whose tests were prepared and ran
        FakeCheckout checkout = FakeCheckout.create(dir);
        FakeCheckout.Result test = checkout.launcher("test");
        assertThat(test.exit()).as(test.output()).isZero();

        // when
        FakeCheckout.Result validate = checkout.launcher("pathway", "validate", "pathway-config/examples/national.yaml");

        // then: Maven ran once (the tests), the validator at once after it
        assertThat(validate.output()).doesNotContain("building");
        List<String> calls = checkout.toolCalls();
        assertThat(calls.stream().filter(c -> c.startsWith("mvn"))).containsExactly("mvn -B verify");
        assertThat(calls.getLast()).startsWith("java ").contains("PathwayCli validate");
    }

    @Test
    void shouldInstallPlaywrightUnderTargetAndKeepBuildStateOutOfSources() throws Exception {
        // given
        FakeCheckout checkout = FakeCheckout.create(dir);

        // when
        checkout.launcher("test");
        checkout.launcher("pathway", "validate", "pathway-config/examples/national.yaml");

        // then: npm ran in hotline-core/target/browser; nothing below src or at the root is new
        assertThat(checkout.toolCalls()).anyMatch(c -> c.startsWith("npm ci")
                && c.endsWith(" in " + dir.resolve("hotline-core/target/browser")));
        assertThat(dir.resolve("hotline-core/target/browser/node_modules/playwright-core")).isDirectory();
        assertThat(dir.resolve("target/.hotline-build.lock")).exists();
        assertThat(dir.resolve(".hotline-build.lock")).doesNotExist();
        try (Stream<Path> underSrc = Files.walk(dir.resolve("hotline-core/src"))) {
            assertThat(underSrc.filter(p -> p.toString().contains("node_modules"))).isEmpty();
        }
    }

    @Test
    void shouldBuildWhenASourceChangesAfterTheTests() throws Exception {
        // given
        FakeCheckout checkout = FakeCheckout.create(dir);
        checkout.launcher("test");
        Path source = dir.resolve("hotline-core/src/main/java/org/hotline/core/HotlineMain.java");
        Files.setLastModifiedTime(source, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));

        // when
        FakeCheckout.Result validate = checkout.launcher("pathway", "validate", "pathway-config/examples/national.yaml");

        // then
        assertThat(validate.output()).contains("hotline: building");
        assertThat(checkout.toolCalls()).contains("mvn -B -q -DskipTests package");
    }

    @Test
    void shouldBuildBeforeTheNextCommandWhenTheTestsFailed() throws Exception {
        // given: a run whose tests failed (the modules after the failing one were not built)
        FakeCheckout checkout = FakeCheckout.create(dir);
        checkout.env.put("FAKE_MVN_EXIT", "1");
        assertThat(checkout.launcher("test").exit()).isEqualTo(1);
        checkout.env.remove("FAKE_MVN_EXIT");

        // when
        FakeCheckout.Result validate = checkout.launcher("pathway", "validate", "pathway-config/examples/national.yaml");

        // then
        assertThat(validate.output()).contains("hotline: building");
    }

    @Test
    void shouldNotRunNpmAgainWhenTheLockIsUnchanged() throws Exception {
        FakeCheckout checkout = FakeCheckout.create(dir);

        checkout.launcher("test");
        checkout.launcher("test");

        assertThat(checkout.toolCalls().stream().filter(c -> c.startsWith("npm"))).hasSize(1);
    }

    @Test
    void shouldInstallMissingPackagesWithAptGetWhenRunAsRoot() throws Exception {
        // given: no promtool, no Chromium, and the launcher runs as root
        FakeCheckout checkout = FakeCheckout.create(dir);
        checkout.remove("promtool");
        checkout.remove("chromium");
        checkout.env.put("FAKE_UID", "0");

        // when
        checkout.launcher("test");

        // then: the package lists are fresh before the install
        assertThat(checkout.toolCalls().stream().filter(c -> c.startsWith("apt-get")))
                .containsExactly("apt-get update -q", "apt-get install -y -q prometheus chromium");
    }

    @Test
    void shouldInstallKannelForTheSmsTestsWhenRunAsRoot() throws Exception {
        // given: neither the gateway nor its test SMSC
        FakeCheckout checkout = FakeCheckout.create(dir);
        checkout.remove("bearerbox");
        checkout.remove("fakesmsc");
        checkout.env.put("FAKE_UID", "0");

        // when
        checkout.launcher("test");

        // then
        assertThat(checkout.toolCalls().stream().filter(c -> c.startsWith("apt-get")))
                .containsExactly("apt-get update -q", "apt-get install -y -q kannel kannel-extras");
    }

    @Test
    void shouldNameTheExactInstallCommandWhenNotRoot() throws Exception {
        // given
        FakeCheckout checkout = FakeCheckout.create(dir);
        checkout.remove("promtool");

        // when
        FakeCheckout.Result result = checkout.launcher("test");

        // then: one line to copy, nothing installed, the tests still run
        assertThat(result.output()).containsOnlyOnce(
                "install as root: apt-get update && apt-get install -y prometheus\n");
        assertThat(checkout.toolCalls()).noneMatch(c -> c.startsWith("apt-get")).contains("mvn -B verify");
    }

    @Test
    void shouldSummariseWhatRanAndWhyTestsWereSkipped() throws Exception {
        FakeCheckout checkout = FakeCheckout.create(dir);

        FakeCheckout.Result result = checkout.launcher("test");

        assertThat(result.output()).contains("hotline: test summary")
                .containsPattern("hotline-core +integration +1 run, 0 failed, 1 skipped")
                .contains("skipped 1 in PromtoolIT: promtool is not installed here (apt-get install -y prometheus)");
    }
}
