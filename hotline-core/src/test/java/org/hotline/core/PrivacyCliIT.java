package org.hotline.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.hotline.core.crypto.DataKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line on a stopped data directory; PrivacyIT covers it beside a running node. */
class PrivacyCliIT {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void shouldVerifyAnEmptyLogOnAStoppedDataDirectory() {
        assertThat(run(Map.of(), "audit", "verify")).isZero();
        assertThat(text()).contains("intact, 0 entries");
    }

    @Test
    void shouldRotateTheKeyFileOfAStoppedDataDirectory() {
        // given
        DataKeys.open(Map.of(), dir);
        // when
        int exit = run(Map.of(), "keys", "rotate");
        // then
        assertThat(exit).as(text()).isZero();
        assertThat(DataKeys.open(Map.of(), dir).current().activeId()).isEqualTo("k2");
        assertThat(run(Map.of(), "keys", "status")).isZero();
        assertThat(text()).contains("[k1, k2], active k2").contains("0 tips under older keys")
                .doesNotContain(java.util.Base64.getEncoder().encodeToString(DataKeys.open(Map.of(), dir).current().active()));
    }

    @Test
    void shouldRefuseBadUsageAndEnvironmentKeyRotationWithoutChangingAnything() throws Exception {
        assertThat(run(Map.of(), "audit")).isEqualTo(2);
        assertThat(run(Map.of(), "keys", "burn")).isEqualTo(2);
        assertThat(text()).contains("usage");
        assertThat(run(Map.of(DataKeys.ENV, "k1:" + java.util.Base64.getEncoder().encodeToString(new byte[32])),
                "keys", "rotate")).isEqualTo(2);
        assertThat(text()).contains("HOTLINE_DATA_KEYS is set");
        assertThat(Files.exists(DataKeys.keyFile(dir))).isFalse();
        assertThat(run(Map.of(DataKeys.ENV, "k1:short"), "keys", "status")).isEqualTo(2);
        assertThat(text()).contains("HOTLINE_DATA_KEYS entry 1").doesNotContain("k1:short");
    }

    private int run(Map<String, String> extra, String... args) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("HOTLINE_DATA_DIR", dir.toString());
        return PrivacyCliAccess.run(env, out, args);
    }

    private String text() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
