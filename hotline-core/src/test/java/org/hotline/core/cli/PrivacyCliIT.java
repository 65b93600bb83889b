package org.hotline.core.cli;

import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.internal.MongoAuditLog;
import org.hotline.core.crypto.DataKeys;
import org.hotline.core.security.ServerKey;
import org.hotline.core.storage.MongoStore;
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
    void shouldReportATruncatedLogAndStartAgainOnlyAfterTheLossIsRecorded() {
        // given: five audited events, then the last two deleted and the head moved back onto entry 3
        HotlineConfig config = HotlineConfig.fromEnv(Map.of("HOTLINE_DATA_DIR", dir.toString()));
        ServerKey key = ServerKey.load(config.serverKey(), config.dataDir());
        try (MongoStore store = tools(config)) {
            MongoAuditLog log = Hotline.auditLog(store, key, Clock.systemUTC(), () -> { });
            for (int i = 1; i <= 5; i++) {
                log.append(AuditEvent.of("op-" + i, "tip.read", "10000000" + i));
            }
            store.database().getCollection("audit_log").deleteMany(Filters.gte("_id", 4L));
            store.database().getCollection("audit_head").updateOne(Filters.eq("_id", "head"), Updates.set("seq", 3L));
            store.flush();
        }
        // when
        int verified = run(Map.of(), "audit", "verify");
        String verifyText = text();
        int resealed = run(Map.of(), "audit", "reseal");
        // then
        assertThat(verified).isEqualTo(1);
        assertThat(verifyText).contains("TAMPERED at entry 4").contains("seal does not match");
        assertThat(resealed).as(text()).isZero();
        assertThat(text()).contains("recorded at entry 4").contains("intact, 4 entries");
        try (MongoStore store = tools(config)) {
            assertThat(Hotline.auditLog(store, key, Clock.systemUTC(), () -> { })
                    .append(AuditEvent.of("op-6", "tip.read", "1")).seq()).isEqualTo(5);
        }
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

    private static MongoStore tools(HotlineConfig config) {
        return MongoStore.forTools(config.mongoUri(), config.dataDir().resolve("mongo"), config.mongoDatabase());
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
