package org.hotline.core.stats.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns tip fields into the coarse categories an export may carry. Anything that is not a recognisable code
 * becomes {@code Other} or {@code Unknown}, so a free-text answer typed into a category field cannot leak.
 */
public final class Generalisation {

    /** The only tip fields (under {@code fields}) an export reads; everything else stays in the database. */
    public static final List<String> SOURCE_FIELDS = List.of("victimAge", "age", "victimAgeGroup", "childInvolved",
            "victimGender",
            "gender", "victimNationality", "nationality", "citizenship", "countryOfOrigin", "region",
            "exploitationType");
    public static final String UNKNOWN = "Unknown";
    public static final String OTHER = "Other";
    private static final Pattern CODE = Pattern.compile("[a-z][a-z_]{0,39}");
    private static final Pattern REGION = Pattern.compile("[A-Z0-9]{1,8}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    /** CTDC's broad age groups: upper bounds (inclusive) and labels. */
    private static final int[] AGE_UPPER = {8, 17, 20, 23, 26, 29, 38, 47};
    private static final String[] AGE_LABEL = {"0--8", "9--17", "18--20", "21--23", "24--26", "27--29", "30--38",
        "39--47"};
    public static final String AGE_OLDEST = "48+";
    /** A minor of unknown exact age (the caller said a child is involved). */
    public static final String AGE_MINOR = "0--17";

    private Generalisation() {}

    /**
     * The intake form's age groups (field {@code victimAgeGroup}) as broad groups: both child groups become
     * {@value #AGE_MINOR} (they straddle CTDC's 0--8 / 9--17 bounds), adults {@value #AGE_YOUNG_ADULT} and
     * {@value #AGE_ADULT}; {@code mixed} and {@code unknown} say nothing of one age.
     */
    private static final Map<String, String> AGE_GROUP_BROAD = Map.of("child_0_11", "0--17", "child_12_17", "0--17",
            "adult_18_25", "18--25", "adult_26_plus", "26+");
    public static final String AGE_YOUNG_ADULT = "18--25";
    public static final String AGE_ADULT = "26+";

    /**
     * A known exact age in CTDC's bins; else the intake form's age group ({@link #AGE_GROUP_BROAD}); else
     * {@value #AGE_MINOR} when a child is involved; else {@value #UNKNOWN}.
     */
    public static String ageBroad(Map<String, Object> fields) {
        Object age = first(fields, "victimAge", "age");
        Integer years = age instanceof Number n ? Integer.valueOf(n.intValue()) : parse(age);
        if (years != null && years >= 0 && years < 130) {
            for (int i = 0; i < AGE_UPPER.length; i++) {
                if (years <= AGE_UPPER[i]) {
                    return AGE_LABEL[i];
                }
            }
            return AGE_OLDEST;
        }
        if (fields.get("victimAgeGroup") instanceof String group && AGE_GROUP_BROAD.containsKey(group)) {
            return AGE_GROUP_BROAD.get(group);
        }
        return Boolean.TRUE.equals(fields.get("childInvolved")) ? AGE_MINOR : UNKNOWN;
    }

    public static String gender(Map<String, Object> fields) {
        Object value = first(fields, "victimGender", "gender");
        if (!(value instanceof String s) || s.isBlank()) {
            return UNKNOWN;
        }
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "f", "female", "woman", "girl" -> "Female";
            case "m", "male", "man", "boy" -> "Male";
            case "unknown", "not_known", "prefer_not_to_say" -> UNKNOWN;
            default -> OTHER;
        };
    }

    /** ISO 3166 alpha-2 country of citizenship. */
    public static String citizenship(Map<String, Object> fields) {
        return code(first(fields, "victimNationality", "nationality", "citizenship", "countryOfOrigin"), true, COUNTRY);
    }

    public static String region(Map<String, Object> fields) {
        return code(fields.get("region"), true, REGION);
    }

    public static String typeOfExploit(Map<String, Object> fields) {
        return code(fields.get("exploitationType"), false, CODE);
    }

    /** The value as a code of the given form; Unknown when absent, Other when it is not such a code. */
    private static String code(Object value, boolean upperCase, Pattern form) {
        if (!(value instanceof String s) || s.isBlank()) {
            return UNKNOWN;
        }
        String code = upperCase ? s.trim().toUpperCase(Locale.ROOT) : s.trim().toLowerCase(Locale.ROOT);
        return form.matcher(code).matches() ? code : OTHER;
    }

    /** HTCDS case status from the tip's status. */
    public static String caseStatus(String status) {
        if (status == null) {
            return UNKNOWN;
        }
        return switch (status) {
            case "RECEIVED", "REVIEW" -> "Active";
            case "REFERRED" -> "ClosedReferred";
            case "CLOSED" -> "Closed";
            default -> UNKNOWN;
        };
    }

    private static Object first(Map<String, Object> fields, String... names) {
        for (String name : names) {
            if (fields.get(name) != null) {
                return fields.get(name);
            }
        }
        return null;
    }

    private static Integer parse(Object value) {
        if (value instanceof String s) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
