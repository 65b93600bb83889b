package org.hotline.core.stats;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.stream.Collectors;

/** Renders an {@link ExportResult} as CSV (RFC 4180) or JSON. */
public final class ExportFormats {

    private ExportFormats() {}

    /** Header row and one row per record; the summary travels separately (see {@link #summary}). */
    public static String csv(ExportResult result) {
        StringBuilder out = new StringBuilder(String.join(",", ExportRecord.FIELDS)).append("\r\n");
        for (ExportRecord r : result.records()) {
            out.append(r.toMap().values().stream().map(v -> quote(String.valueOf(v))).collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        return out.toString();
    }

    public static JsonObject json(ExportResult result) {
        JsonArray records = new JsonArray();
        result.records().forEach(r -> records.add(new JsonObject(r.toMap())));
        return new JsonObject().put("summary", summary(result)).put("records", records);
    }

    /** How many tips were in range, exported and left out, and why. */
    public static JsonObject summary(ExportResult result) {
        return new JsonObject()
                .put("k", result.k())
                .put("quasiIdentifiers", new JsonArray(ExportRecord.QUASI_IDENTIFIERS))
                .put("tipsInRange", result.tipsInRange())
                .put("exported", result.records().size())
                .put("excluded", new JsonArray()
                        .add(new JsonObject().put("reason", ExportResult.CONSENT_REASON)
                                .put("records", result.withoutConsent()))
                        .add(new JsonObject().put("reason", ExportResult.K_REASON)
                                .put("records", result.suppressed())
                                .put("combinations", result.suppressedCombinations())));
    }

    private static String quote(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
