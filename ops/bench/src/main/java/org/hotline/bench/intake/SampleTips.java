package org.hotline.bench.intake;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.hotline.ivr.CallOutcome;
import org.hotline.ivr.CapturedTip;

/** The tip every intake and dispatch benchmark submits: what a completed forced-labour report call captures. */
public final class SampleTips {

    private SampleTips() {}

    public static CapturedTip captured(int n) {
        Instant now = Instant.now();
        return new CapturedTip(UUID.randomUUID().toString(), "07700%05d".formatted(n % 100_000), "en",
                Map.of("exploitationType", "forced_labour", "region", "MO", "childInvolved", "false",
                        "immediateDanger", "false"),
                Map.of("record", false, "callback", false, "share_identity_police", false, "share_services", true,
                        "statistics", true),
                CallOutcome.COMPLETED, "goodbye", null, "bench", now.minusSeconds(90), now);
    }

    /** A document of the same shape and size for the raw {@code insertOne} baseline. */
    public static Document rawDocument(int n) {
        Instant now = Instant.now();
        return new Document("_id", UUID.randomUUID().toString())
                .append("reference", "%09d".formatted(n))
                .append("pinHash", UUID.randomUUID().toString() + UUID.randomUUID())
                .append("receivedAt", java.util.Date.from(now))
                .append("source", "ivr")
                .append("callId", UUID.randomUUID().toString())
                .append("callerHash", UUID.randomUUID().toString() + UUID.randomUUID())
                .append("outcome", "COMPLETED")
                .append("lastNode", "goodbye")
                .append("flowVersion", "bench")
                .append("fields", new Document("exploitationType", "forced_labour").append("region", "MO")
                        .append("childInvolved", false).append("immediateDanger", false).append("language", "en"))
                .append("consents", new Document("record", false).append("callback", false)
                        .append("share_identity_police", false).append("share_services", true)
                        .append("statistics", true))
                .append("status", "RECEIVED")
                .append("routed", false)
                .append("node", "bench");
    }
}
