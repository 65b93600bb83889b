package org.hotline.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private static final Path NO_DIR = Path.of("/nonexistent-data-dir");
    private final FieldCipher cipher = cipher("k1:" + KeyRingTest.K1);

    @Test
    void shouldEncryptWithAFreshNonceAndTheActiveKeyId() {
        // when
        String a = cipher.encrypt("+231770000123", "tip-1", "callerNumber");
        String b = cipher.encrypt("+231770000123", "tip-1", "callerNumber");
        // then
        assertThat(a).startsWith("enc1:k1:").doesNotContain("770000123").isNotEqualTo(b);
        assertThat(FieldCipher.keyIdOf(a)).isEqualTo("k1");
        assertThat(cipher.decrypt(a, "tip-1", "callerNumber")).isEqualTo("+231770000123");
        assertThat(cipher.decrypt(b, "tip-1", "callerNumber")).isEqualTo("+231770000123");
    }

    @Test
    void shouldRefuseAValueMovedToAnotherTipOrField() {
        // given
        String sealed = cipher.encrypt("a name", "tip-1", "fields.callerName");
        // then
        assertThatThrownBy(() -> cipher.decrypt(sealed, "tip-2", "fields.callerName"))
                .isInstanceOf(FieldCipher.CipherException.class).hasMessageContaining("altered or moved")
                .message().doesNotContain("a name");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "tip-1", "fields.narrative"))
                .isInstanceOf(FieldCipher.CipherException.class);
    }

    @Test
    void shouldRefuseAnAlteredOrDamagedValue() {
        // given
        String sealed = cipher.encrypt("narrative text", "tip-1", "fields.narrative");
        byte[] raw = Base64.getDecoder().decode(sealed.substring("enc1:k1:".length()));
        raw[raw.length - 1] ^= 1;
        String altered = "enc1:k1:" + Base64.getEncoder().encodeToString(raw);
        // then
        assertThatThrownBy(() -> cipher.decrypt(altered, "tip-1", "fields.narrative"))
                .isInstanceOf(FieldCipher.CipherException.class);
        assertThatThrownBy(() -> cipher.decrypt("enc1:k1:%%%", "tip-1", "fields.narrative"))
                .isInstanceOf(FieldCipher.CipherException.class).hasMessageContaining("damaged");
        assertThatThrownBy(() -> cipher.decrypt("enc1:k1:AAAA", "tip-1", "fields.narrative"))
                .isInstanceOf(FieldCipher.CipherException.class).hasMessageContaining("damaged");
        assertThatThrownBy(() -> cipher.decrypt("enc1:k9:AAAA", "tip-1", "fields.narrative"))
                .isInstanceOf(FieldCipher.CipherException.class).hasMessageContaining("unknown key k9");
    }

    @Test
    void shouldReadOldKeysAndWriteWithTheActiveOne() {
        // given
        String underOld = cipher.encrypt("recording-1", "tip-1", "recording");
        FieldCipher rotated = cipher("k1:" + KeyRingTest.K1 + ",k2:" + KeyRingTest.K2);
        // when
        String underNew = rotated.encrypt("recording-1", "tip-1", "recording");
        // then
        assertThat(rotated.decrypt(underOld, "tip-1", "recording")).isEqualTo("recording-1");
        assertThat(FieldCipher.keyIdOf(underNew)).isEqualTo("k2");
        assertThatThrownBy(() -> cipher.decrypt(underNew, "tip-1", "recording"))
                .isInstanceOf(FieldCipher.CipherException.class);
    }

    @Test
    void shouldPassPlainLegacyValuesThrough() {
        assertThat(cipher.decrypt("plain", "tip-1", "recording")).isEqualTo("plain");
        assertThat(FieldCipher.isEncrypted("enc1:")).isFalse();
        assertThat(FieldCipher.isEncrypted(42)).isFalse();
    }

    @Test
    void shouldSealEveryPersonalPathOfATipAndOpenItAgain() {
        // given
        TipCipher tips = new TipCipher(cipher);
        Document tip = new Document("_id", "tip-9").append("reference", "123456789")
                .append("callerNumber", "0770000999").append("callerHash", "ab12").append("recording", "/rec/9")
                .append("fields", new Document("exploitationType", "forced_labour").append("region", "MO")
                        .append("narrative", "they took our passports").append("perpetratorPhone", "0880")
                        .append("victimCount", 3))
                .append("followUps", List.of(new Document("recording", "/rec/9-f").append("language", "en")));
        // when
        Document sealed = tips.seal(tip);
        // then
        assertThat(sealed.toJson()).doesNotContain("0770000999", "/rec/9", "passports", "0880");
        assertThat(sealed.get("fields", Document.class)).containsEntry("exploitationType", "forced_labour")
                .containsEntry("region", "MO").containsEntry("victimCount", 3);
        assertThat(sealed.getString("callerHash")).isEqualTo("ab12");
        assertThat(sealed.getList("encKeys", String.class)).containsExactly("k1");
        assertThat(tip.getString("callerNumber")).isEqualTo("0770000999"); // the input is not modified
        Document opened = tips.open(sealed);
        assertThat(opened.getString("callerNumber")).isEqualTo("0770000999");
        assertThat(opened.get("fields", Document.class)).containsEntry("narrative", "they took our passports")
                .containsEntry("perpetratorPhone", "0880");
        assertThat(opened.getList("followUps", Document.class).getFirst()).containsEntry("recording", "/rec/9-f");
        assertThat(opened).doesNotContainKey("encKeys");
        assertThat(tips.seal(sealed)).isEqualTo(sealed); // sealing twice changes nothing
    }

    static FieldCipher cipher(String keys) {
        return new FieldCipher(DataKeys.open(Map.of(DataKeys.ENV, keys), NO_DIR));
    }
}
