package org.hotline.core.tip.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.hotline.core.crypto.DataKeys;
import org.hotline.core.crypto.FieldCipher;
import org.hotline.core.crypto.TipCipher;
import org.hotline.core.storage.MongoStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRotationIT {

    /** A data key this test's ring never had. */
    private static final String FOREIGN_KEY = java.util.Base64.getEncoder().encodeToString(filledWith((byte) 2));

    private static byte[] filledWith(byte value) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, value);
        return key;
    }

    @TempDir
    Path dir;

    private MongoStore mongo;
    private MongoCollection<Document> tips;
    private DataKeys keys;
    private TipCipher cipher;

    @BeforeEach
    void start() {
        mongo = MongoStore.embedded(dir.resolve("mongo"), 0, "hotline", Duration.ofSeconds(3));
        tips = mongo.database().getCollection("tips");
        keys = DataKeys.open(Map.of(), dir);
        cipher = new TipCipher(new FieldCipher(keys));
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void shouldReencryptEveryTipUnderTheNewKeyAndKeepThemReadable() {
        // given
        List<Document> plain = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            Document tip = tip("tip-" + String.format("%03d", i));
            plain.add(tip);
            tips.insertOne(cipher.seal(tip));
        }
        // when
        keys.rotate();
        KeyRotation rotation = new KeyRotation(mongo.database(), cipher);
        assertThat(rotation.remaining()).isEqualTo(25);
        KeyRotation.Progress progress = rotation.pass(7);
        // then
        assertThat(progress).isEqualTo(new KeyRotation.Progress(25, 0));
        assertThat(rotation.remaining()).isZero();
        for (Document original : plain) {
            Document raw = tips.find(Filters.eq("_id", original.getString("_id"))).first();
            assertThat(raw.getList("encKeys", String.class)).containsExactly("k2");
            assertThat(raw.toJson()).doesNotContain("enc1:k1:", "0770", "passport");
            Document opened = cipher.open(raw);
            assertThat(opened.getString("callerNumber")).isEqualTo(original.getString("callerNumber"));
            assertThat(opened.get("fields", Document.class)).isEqualTo(original.get("fields", Document.class));
            assertThat(opened.getList("followUps", Document.class)).isEqualTo(original.getList("followUps", Document.class));
        }
        // and: running it again finds nothing to do (idempotent)
        assertThat(rotation.pass(7)).isEqualTo(new KeyRotation.Progress(0, 0));
    }

    @Test
    void shouldIncludeFollowUpsAddedUnderTheNewKeyAfterTheRotationStarted() {
        // given: a follow-up recording arrives after the new key became active, before the pass
        Document tip = cipher.seal(tip("tip-x"));
        tips.insertOne(tip);
        keys.rotate();
        tips.updateOne(Filters.eq("_id", "tip-x"), Updates.push("followUps",
                new Document("recording", cipher.sealFollowUpRecording("tip-x", "/rec/late"))));
        // when
        KeyRotation rotation = new KeyRotation(mongo.database(), cipher);
        KeyRotation.Progress progress = rotation.pass(10);
        // then
        assertThat(progress.reencrypted()).isEqualTo(1);
        Document opened = cipher.open(tips.find().first());
        assertThat(opened.getList("followUps", Document.class)).extracting(d -> d.getString("recording"))
                .containsExactly("/rec/x-1", "/rec/late");
        assertThat(rotation.remaining()).isZero();
    }

    @Test
    void shouldSkipATipWhoseKeyIsLostAndCarryOnWithTheRest() {
        // given: one tip written under a key this ring never had
        FieldCipher foreign = new FieldCipher(DataKeys.open(Map.of(DataKeys.ENV, "zz:" + FOREIGN_KEY), dir));
        Document lost = new TipCipher(foreign).seal(tip("tip-a"));
        tips.insertOne(lost);
        tips.insertOne(cipher.seal(tip("tip-b")));
        keys.rotate();
        // when
        KeyRotation.Progress progress = new KeyRotation(mongo.database(), cipher).pass(10);
        // then
        assertThat(progress).isEqualTo(new KeyRotation.Progress(1, 1));
        assertThat(tips.find(Filters.eq("_id", "tip-a")).first()).isEqualTo(lost);
    }

    @Test
    void shouldNotCountATipWithoutEncryptedValuesAsUnderAnOlderKey() {
        // given: a tip with nothing personal (a silent call), so no value is encrypted under any key
        Document bare = cipher.seal(new Document("_id", "tip-bare").append("reference", "900000001")
                .append("fields", new Document("region", "MO")));
        tips.insertOne(bare);
        tips.insertOne(cipher.seal(tip("tip-full")));
        // when
        keys.rotate();
        KeyRotation rotation = new KeyRotation(mongo.database(), cipher);
        long before = rotation.remaining();
        KeyRotation.Progress progress = rotation.pass(10);
        // then
        assertThat(bare.getList("encKeys", String.class)).isEmpty();
        assertThat(before).isEqualTo(1);
        assertThat(progress).isEqualTo(new KeyRotation.Progress(1, 0));
        assertThat(rotation.remaining()).isZero();
    }

    private static Document tip(String id) {
        return new Document("_id", id).append("reference", id.replace("tip-", "9"))
                .append("callerNumber", "0770" + id.hashCode()).append("recording", "/rec/" + id)
                .append("fields", new Document("region", "MO").append("narrative", "passport taken from " + id))
                .append("followUps", new ArrayList<>(List.of(new Document("recording", "/rec/x-1").append("language", "en"))));
    }
}
