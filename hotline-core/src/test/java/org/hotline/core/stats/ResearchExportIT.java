package org.hotline.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.hotline.core.audit.AuditChain;
import org.hotline.core.audit.internal.MongoAuditLog;
import org.hotline.core.storage.MongoStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export read from stored tips over the driver, with its audit record in the real audit log. */
class ResearchExportIT {

    private static final StatsFilter YEAR = new StatsFilter(LocalDate.parse("2026-01-01"),
            LocalDate.parse("2026-12-31"), Optional.empty());

    @TempDir
    Path dir;

    private MongoStore mongo;
    private StatsData data;
    private ResearchExport export;

    @BeforeEach
    void start() {
        mongo = MongoStore.embedded(dir.resolve("mongo"), 0, "hotline", Duration.ofSeconds(3));
        data = new StatsData(mongo.database());
        MongoAuditLog audit = new MongoAuditLog(mongo.database(), new AuditChain(new byte[32]), Clock.systemUTC());
        export = new ResearchExport(new org.hotline.core.tip.internal.MongoTipRepository(mongo, org.hotline.core.crypto.TipCipher.open(java.util.Map.of(), dir.resolve("keys"))), new StatsConfig(5, 11, ZoneOffset.UTC), audit);
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void shouldExportOnlyConsentedTipsInGroupsOfAtLeastKAndAuditTheExport() {
        // given 12 consented forced-labour tips in MO, 3 consented in BO, 20 without consent in MO
        for (int i = 0; i < 12; i++) {
            data.tips.insertOne(StatsData.tip("2026-05-0" + (1 + i % 9) + "T10:00:00Z", new Document("region", "MO")
                    .append("exploitationType", "forced_labour").append("victimName", "Amara Kollie")
                    .append("narrative", "Red house behind the market"), true));
        }
        data.tips(3, "2026-05-02T10:00:00Z", "forced_labour", "BO", false, true);
        data.tips(20, "2026-05-02T10:00:00Z", "forced_labour", "MO", false, false);
        // when
        ExportResult result = export.export(YEAR, "csv", "user-7");
        // then
        assertThat(result.records()).hasSize(12).allSatisfy(r -> assertThat(r).isEqualTo(new ExportRecord(
                "Unknown", "Unknown", "Unknown", "MO", "forced_labour", 2026, "Q2", "ClosedReferred")));
        assertThat(result.withoutConsent()).isEqualTo(20);
        assertThat(result.suppressed()).isEqualTo(3);
        assertThat(result.suppressedCombinations()).isEqualTo(1);
        String csv = ExportFormats.csv(result);
        assertThat(csv).doesNotContain("Amara", "Red house", "2026-05", "rec-", "hash-of-caller");
        List<Document> audit = mongo.database().getCollection("audit_log").find().into(new ArrayList<>());
        assertThat(audit).singleElement().satisfies(entry -> {
            assertThat(entry).containsEntry("actor", "user-7").containsEntry("action", "stats.export");
            assertThat(entry.get("details", Document.class)).containsEntry("exported", "12")
                    .containsEntry("suppressed", "3").containsEntry("withoutConsent", "20").containsEntry("k", "11");
        });
    }

    @Test
    void shouldExportTheAgeGroupTheOperatorRecordedNotUnknown() {
        // given 11 consented tips completed on the intake form with an adult age group, and 11 with a child's
        for (int i = 0; i < 11; i++) {
            data.tips.insertOne(StatsData.tip("2026-06-02T10:00:00Z", new Document("region", "MO")
                    .append("exploitationType", "forced_labour").append("victimAgeGroup", "adult_18_25")
                    .append("victimGender", "male").append("victimNationality", "SL"), true));
            data.tips.insertOne(StatsData.tip("2026-06-02T10:00:00Z", new Document("region", "MO")
                    .append("exploitationType", "forced_labour").append("victimAgeGroup", "child_12_17")
                    .append("childInvolved", true).append("victimGender", "male").append("victimNationality", "SL"),
                    true));
        }

        // when
        ExportResult result = export.export(YEAR, "json", "user-7");

        // then the adults are in their broad age group, the children in theirs, none Unknown
        assertThat(result.records()).extracting(ExportRecord::ageBroad)
                .containsOnly("18--25", "0--17").doesNotContain("Unknown");
        assertThat(result.records().stream().filter(r -> r.ageBroad().equals("18--25"))).hasSize(11);
    }
}
