package org.hotline.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataKeysIT {

    @TempDir
    Path dir;

    @Test
    void shouldCreateAnOwnerOnlyKeyFileOnFirstStartAndReuseIt() throws Exception {
        // when
        DataKeys first = DataKeys.open(Map.of(), dir);
        DataKeys again = DataKeys.open(Map.of(), dir);
        // then
        Path file = DataKeys.keyFile(dir);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first.current().activeId()).isEqualTo("k1");
        assertThat(again.current().active()).isEqualTo(first.current().active());
        assertThat(first.fileBacked()).isTrue();
    }

    @Test
    void shouldRotateToAFreshActiveKeyThatAnotherProcessPicksUp() {
        // given: a running node's keys and the command line's keys on the same file
        DataKeys node = DataKeys.open(Map.of(), dir);
        FieldCipher nodeCipher = new FieldCipher(node);
        String before = nodeCipher.encrypt("0770", "t", "callerNumber");
        DataKeys cli = DataKeys.open(Map.of(), dir);
        // when
        String id = cli.rotate();
        // then: the node reads values under the new key at once and keeps reading the old ones
        String after = new FieldCipher(cli).encrypt("0880", "t", "callerNumber");
        assertThat(id).isEqualTo("k2");
        assertThat(FieldCipher.keyIdOf(after)).isEqualTo("k2");
        assertThat(nodeCipher.decrypt(after, "t", "callerNumber")).isEqualTo("0880");
        assertThat(nodeCipher.decrypt(before, "t", "callerNumber")).isEqualTo("0770");
        assertThat(node.refreshed().activeId()).isEqualTo("k2");
        assertThat(DataKeys.open(Map.of(), dir).current().keys()).containsOnlyKeys("k1", "k2");
    }

    @Test
    void shouldTakeKeysFromTheEnvironmentWithoutWritingAFileAndRefuseToRotateThem() {
        // given
        DataKeys keys = DataKeys.open(Map.of(DataKeys.ENV, "a:" + KeyRingTest.K1 + ",b:" + KeyRingTest.K2), dir);
        // then
        assertThat(keys.current().activeId()).isEqualTo("b");
        assertThat(keys.fileBacked()).isFalse();
        assertThat(Files.exists(DataKeys.keyFile(dir))).isFalse();
        assertThatThrownBy(keys::rotate).isInstanceOf(IllegalStateException.class).hasMessageContaining("HOTLINE_DATA_KEYS");
    }

    @Test
    void shouldRefuseADamagedKeyFile() throws Exception {
        // given
        Files.createDirectories(DataKeys.keyFile(dir).getParent());
        Files.writeString(DataKeys.keyFile(dir), "k1:tooshort\n");
        // then
        assertThatThrownBy(() -> DataKeys.open(Map.of(), dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entry 1");
    }
}
