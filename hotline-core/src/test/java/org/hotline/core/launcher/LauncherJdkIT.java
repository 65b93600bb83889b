package org.hotline.core.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hotline.core.e2e.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher finds a JDK >= 21 on its own: JAVA_HOME if suitable, else java on PATH, else the newest JDK. */
class LauncherJdkIT {

    @TempDir
    Path dir;

    @Test
    void shouldSkipATooOldJavaHomeAndPickTheNewestSuitableJdk() throws Exception {
        // given: JAVA_HOME and PATH point at a JDK 17; the JVM folder holds a 17, a 21 and a 24
        Path jvms = dir.resolve("jvm");
        Path old = fakeJdk(jvms.resolve("jdk-17"), "17.0.9");
        fakeJdk(jvms.resolve("jdk-21"), "21.0.2");
        Path newest = fakeJdk(jvms.resolve("jdk-24"), "24");

        // when
        Result result = launcher(Map.of("JAVA_HOME", old.toString(), "PATH", old.resolve("bin") + ":/usr/bin:/bin",
                "HOTLINE_JVM_DIR", jvms.toString()));

        // then
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output().strip()).isEqualTo(newest.toString());
    }

    @Test
    void shouldUseASuitableJavaHomeFirst() throws Exception {
        Path jvms = dir.resolve("jvm");
        fakeJdk(jvms.resolve("jdk-25"), "25.0.1");
        Path home = fakeJdk(dir.resolve("my-jdk-21"), "21.0.5");

        Result result = launcher(Map.of("JAVA_HOME", home.toString(), "PATH", "/usr/bin:/bin",
                "HOTLINE_JVM_DIR", jvms.toString()));

        assertThat(result.output().strip()).isEqualTo(home.toString());
    }

    @Test
    void shouldSayWhatToInstallWhenNoSuitableJdkExists() throws Exception {
        Path jvms = dir.resolve("jvm");
        Path old = fakeJdk(jvms.resolve("jdk-17"), "17.0.9");

        Result result = launcher(Map.of("PATH", old.resolve("bin") + ":/usr/bin:/bin", "HOTLINE_JVM_DIR", jvms.toString()));

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.output()).contains("no JDK 21 or newer found").contains("install");
    }

    @Test
    void shouldRunTheServiceOnGenerationalZgcWithoutProactiveCyclesForTheJdkItFound() throws Exception {
        // given: a JDK 21 (ZGC needs the generational switch there) and a JDK 25 (generational is its only mode)
        Path jdk21 = fakeJdk(dir.resolve("jdk-21"), "21.0.5");
        Path jdk25 = fakeJdk(dir.resolve("jdk-25"), "25.0.1");

        // when
        Result on21 = launcher(Map.of("JAVA_HOME", jdk21.toString(), "PATH", "/usr/bin:/bin",
                "HOTLINE_JAVA_OPTS", "-Xmx2g"), "jvm-opts");
        Result on25 = launcher(Map.of("JAVA_HOME", jdk25.toString(), "PATH", "/usr/bin:/bin"), "jvm-opts");

        // then
        assertThat(on21.output().strip()).isEqualTo("-XX:+UseZGC -XX:+ZGenerational -XX:-ZProactive -Xmx2g");
        assertThat(on25.output().strip()).isEqualTo("-XX:+UseZGC -XX:-ZProactive");
    }

    @Test
    void shouldLeaveTheCollectorToHotlineJavaOptsWhenTheyChooseOne() throws Exception {
        Path jdk = fakeJdk(dir.resolve("jdk-25"), "25.0.1");

        Result result = launcher(Map.of("JAVA_HOME", jdk.toString(), "PATH", "/usr/bin:/bin",
                "HOTLINE_JAVA_OPTS", "-Xmx2g -XX:+UseG1GC"), "jvm-opts");

        assertThat(result.output().strip()).isEqualTo("-Xmx2g -XX:+UseG1GC");
    }

    private record Result(int exit, String output) {}

    private static Result launcher(Map<String, String> env) throws Exception {
        return launcher(env, "java-home");
    }

    private static Result launcher(Map<String, String> env, String command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", TestFiles.REPO.resolve("hotline").toString(), command));
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    /** A directory that looks like a JDK: bin/java answers -version like a real one, bin/javac exists. */
    private static Path fakeJdk(Path home, String version) throws Exception {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"" + version + "\" 2025-01-01' >&2\n");
        Path javac = bin.resolve("javac");
        Files.writeString(javac, "#!/bin/sh\nexit 0\n");
        for (Path p : List.of(java, javac)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return home;
    }
}
