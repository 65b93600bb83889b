package org.hotline.core.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.core.e2e.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./hotline help} and the README document every command the launcher runs, and the call's options. */
class LauncherHelpIT {

    private static final Pattern COMMAND_CASE = Pattern.compile("(?m)^  ([a-z|-]+)\\)$");
    private static final List<String> CALL_OPTIONS = List.of("--script", "--lang", "--caller", "PROMPT=KEYS");

    @TempDir
    Path dir;

    @Test
    void shouldListEveryCommandAndTheCallOptionsInHelp() throws Exception {
        // given
        FakeCheckout checkout = FakeCheckout.create(dir);

        // when
        FakeCheckout.Result help = checkout.launcher("help");

        // then
        assertThat(help.exit()).isZero();
        for (String command : commands()) {
            assertThat(help.output()).as("help for " + command).containsPattern("(?m)^  " + Pattern.quote(command) + "\\b");
        }
        assertThat(help.output()).contains(CALL_OPTIONS).contains("every such prompt takes one argument").contains("HOTLINE_LOG_LEVEL");
    }

    @Test
    void shouldListEveryCommandAndTheCallOptionsInTheReadme() throws Exception {
        String readme = Files.readString(TestFiles.REPO.resolve("README.md"));

        for (String command : commands()) {
            assertThat(readme).as("README row for " + command).containsPattern("(?m)^\\|.*`" + Pattern.quote(command) + "\\b");
        }
        assertThat(readme).contains(CALL_OPTIONS).contains("HOTLINE_LOG_LEVEL").contains("HOTLINE_LOG_FORMAT");
    }

    /** The commands of the launcher's case statement, help and its aliases aside. */
    private static List<String> commands() throws Exception {
        Matcher m = COMMAND_CASE.matcher(Files.readString(TestFiles.REPO.resolve("hotline")));
        List<String> commands = new ArrayList<>();
        while (m.find()) {
            for (String command : m.group(1).split("\\|")) {
                if (!command.startsWith("-")) {
                    commands.add(command);
                }
            }
        }
        assertThat(commands).contains("run", "test", "call", "pathway", "admin", "audit", "keys", "bench", "help");
        return commands;
    }
}
