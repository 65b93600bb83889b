package org.hotline.pathway;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The shared vocabulary of tip fields, consent purposes and exploitation types (used by the IVR, intake and
 * the pathway), and the conversion of a tip's field map into {@link TipFacts}.
 */
public final class TipFields {

    /** Canonical tip field names, in the order payloads list them. */
    public static final List<String> ALL = List.of(
            "reference", "receivedAt", "language", "callerRole", "exploitationType", "region", "childInvolved",
            "immediateDanger", "victimCount", "victimAgeGroup", "victimGender", "victimNationality",
            "crossBorder", "location", "employer", "sector", "perpetrator", "recruitment", "controlMethods",
            "needs", "callerName", "callerPhone", "recording", "narrative");

    /** The key of a tip field map holding the caller's consents (purpose code to Boolean). */
    public static final String CONSENTS = "consents";

    /** Consent purposes a caller can give. */
    public static final List<String> CONSENT_PURPOSES =
            List.of("record", "callback", "share_identity_police", "share_services", "statistics");

    /** HTCDS-style exploitation type codes a pathway may list. */
    public static final List<String> EXPLOITATION_TYPES = List.of(
            "forced_labour", "sexual_exploitation", "domestic_servitude", "forced_begging", "child_labour",
            "forced_marriage", "organ_removal", "other");

    /** Caller roles rules may test. */
    public static final List<String> CALLER_ROLES =
            List.of("victim", "witness", "family", "community_member", "professional", "other");

    /** Fields that identify the caller; a profile may only carry them behind a consent. */
    public static final Set<String> IDENTITY_FIELDS = Set.of("callerName", "callerPhone", "recording");

    private TipFields() {}

    /**
     * The routing facts of a tip given as a field map. Booleans may be {@link Boolean} or the strings
     * {@code true/false/yes/no/1/0}; consents may be a {@code Map<String, Boolean>} or a collection of purposes.
     */
    public static TipFacts facts(Map<String, ?> fields) {
        return new TipFacts(
                text(fields.get("exploitationType")),
                text(fields.get("region")),
                isTrue(fields.get("childInvolved")),
                isTrue(fields.get("immediateDanger")),
                text(fields.get("victimNationality")),
                isTrue(fields.get("crossBorder")),
                text(fields.get("callerRole")),
                consents(fields.get(CONSENTS)));
    }

    /** The consent purposes given, from a {@code Map<String, Boolean>} or a collection of purpose codes. */
    public static Set<String> consents(Object value) {
        var given = new HashSet<String>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (isTrue(v)) {
                    given.add(String.valueOf(k));
                }
            });
        } else if (value instanceof Collection<?> list) {
            list.forEach(v -> given.add(String.valueOf(v)));
        }
        return given;
    }

    /** Whether a tip value means "yes". */
    public static boolean isTrue(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value == null) {
            return false;
        }
        var s = value.toString().trim().toLowerCase(Locale.ROOT);
        return s.equals("true") || s.equals("yes") || s.equals("1");
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        var s = value.toString().trim();
        return s.isEmpty() ? null : s;
    }
}
