package org.hotline.core.console;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hotline.core.intake.ReferenceCodec;
import org.hotline.pathway.TipFields;

/**
 * Checks an intake form body (JSON) field by field, HTCDS-aligned: the caller's role; the potential victims
 * (number, age group, gender, nationality); the kind of exploitation and where; employer or perpetrator;
 * recruitment; methods of control; needs (shelter, medical, legal, repatriation); and the caller's answer for
 * every consent purpose. Every problem is reported at once, by field name, so the console can mark each field.
 */
public final class IntakeForms {

    public static final List<String> AGE_GROUPS = List.of("child_0_11", "child_12_17", "adult_18_25", "adult_26_plus",
            "mixed", "unknown");
    public static final List<String> CHILD_AGE_GROUPS = List.of("child_0_11", "child_12_17");
    public static final List<String> GENDERS = List.of("female", "male", "other", "mixed", "unknown");
    public static final List<String> RECRUITMENT = List.of("job_offer", "online_contact", "family_or_friend",
            "recruitment_agency", "intimate_partner", "abduction", "other", "unknown");
    public static final List<String> CONTROL_METHODS = List.of("debt_bondage", "withheld_documents", "withheld_wages",
            "threats", "physical_violence", "sexual_violence", "confinement", "isolation", "substances", "other");
    public static final List<String> NEEDS = List.of("shelter", "medical", "legal", "repatriation");
    /** The form's language choice besides the IVR's languages: a caller in a language the IVR does not offer. */
    public static final String OTHER_LANGUAGE = "other";
    public static final int MAX_VICTIMS = 1000;
    static final int SHORT_TEXT = 200;
    static final int LONG_TEXT = 2000;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{5,24}");
    private static final Set<String> KNOWN = Set.of("reference", "language", "callerRole", "exploitationType",
            "region", "location", "childInvolved", "immediateDanger", "crossBorder", "victims", "employer", "sector",
            "perpetrator", "recruitment", "controlMethods", "needs", "narrative", "callerName", "callerPhone",
            "callbackWindow", "consents");

    private IntakeForms() {}

    /** The languages the form offers: the IVR's, then {@value #OTHER_LANGUAGE}. */
    public static List<String> choices(List<String> languages) {
        List<String> all = new ArrayList<>(languages);
        all.remove(OTHER_LANGUAGE);
        all.add(OTHER_LANGUAGE);
        return all;
    }

    /**
     * Validates {@code body}. {@code regions} are the region codes of the active pathway, {@code languages} the
     * IVR's (one per prompt catalogue); {@value #OTHER_LANGUAGE} is always accepted besides.
     *
     * @return the form, or every problem by field name (nested fields as {@code victims.count})
     */
    public static IntakeValidation validate(JsonObject body, Set<String> regions, List<String> languages) {
        Checker c = new Checker(body);
        body.fieldNames().stream().filter(name -> !KNOWN.contains(name)).sorted()
                .forEach(name -> c.errors.put(name, "is not a field of the intake form"));
        Optional<String> reference = c.optionalText("reference", 9).flatMap(r -> {
            if (!ReferenceCodec.isWellFormed(r)) {
                c.errors.put("reference", "must be the 9-digit reference the caller was given");
            }
            return Optional.of(r);
        });
        Map<String, Object> fields = new LinkedHashMap<>();
        String language = c.oneOf("language", choices(languages), false);
        fields.put("language", language);
        fields.put("callerRole", c.oneOf("callerRole", TipFields.CALLER_ROLES, true));
        fields.put("exploitationType", c.oneOf("exploitationType", TipFields.EXPLOITATION_TYPES, true));
        fields.put("region", c.oneOf("region", regions.stream().sorted().toList(), true));
        fields.put("location", c.optionalText("location", SHORT_TEXT).orElse(null));
        Boolean child = c.bool("childInvolved", true);
        fields.put("childInvolved", child);
        fields.put("immediateDanger", c.bool("immediateDanger", true));
        fields.put("crossBorder", c.bool("crossBorder", false));
        victims(c, fields, child);
        fields.put("employer", c.optionalText("employer", SHORT_TEXT).orElse(null));
        fields.put("sector", c.optionalText("sector", SHORT_TEXT).orElse(null));
        fields.put("perpetrator", c.optionalText("perpetrator", LONG_TEXT).orElse(null));
        fields.put("recruitment", c.oneOf("recruitment", RECRUITMENT, false));
        fields.put("controlMethods", c.codes("controlMethods", CONTROL_METHODS));
        fields.put("needs", needs(c));
        fields.put("narrative", c.optionalText("narrative", LONG_TEXT).orElse(null));
        fields.put("callerName", c.optionalText("callerName", SHORT_TEXT).orElse(null));
        Optional<String> phone = c.optionalText("callerPhone", 30);
        phone.filter(p -> !PHONE.matcher(p).matches())
                .ifPresent(p -> c.errors.put("callerPhone", "must be a phone number (digits, spaces, + ( ) -)"));
        fields.put("callerPhone", phone.orElse(null));
        String window = c.oneOf("callbackWindow", CallbackWindow.codes(), false);
        fields.put("callbackWindow", window);
        Map<String, Boolean> consents = consents(c);
        if (Boolean.TRUE.equals(consents.get("callback")) && window == null) {
            c.errors.putIfAbsent("callbackWindow", "choose the safe time to call back, since the caller agreed to a callback");
        }
        if (window != null && Boolean.FALSE.equals(consents.get("callback"))) {
            c.errors.putIfAbsent("callbackWindow", "a callback window needs the caller's callback consent");
        }
        if (!c.errors.isEmpty()) {
            return new IntakeValidation.Invalid(c.errors);
        }
        fields.values().removeIf(v -> v == null);
        return new IntakeValidation.Valid(new IntakeForm(reference, fields, consents, language == null ? "en" : language));
    }

    private static void victims(Checker c, Map<String, Object> fields, Boolean child) {
        Object raw = c.body.getValue("victims");
        if (raw == null) {
            c.errors.put("victims", "describe the potential victims (count, age group, gender, nationality)");
            return;
        }
        if (!(raw instanceof JsonObject victims)) {
            c.errors.put("victims", "must be an object with count, ageGroup, gender and nationality");
            return;
        }
        Checker v = new Checker(victims, "victims.", c.errors);
        Object count = victims.getValue("count");
        // Check the number as given, not its intValue(): 4294967301 would wrap round to 5.
        if (!(count instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.doubleValue() < 1
                || n.doubleValue() > MAX_VICTIMS) {
            c.errors.put("victims.count", "must be a whole number from 1 to " + MAX_VICTIMS);
        } else {
            fields.put("victimCount", n.intValue());
        }
        String age = v.oneOf("ageGroup", AGE_GROUPS, true);
        fields.put("victimAgeGroup", age);
        fields.put("victimGender", v.oneOf("gender", GENDERS, true));
        String nationality = v.optionalText("nationality", 20).orElse(null);
        if (nationality == null) {
            c.errors.put("victims.nationality", "is required (a two-letter country code, 'stateless' or 'unknown')");
        } else if (!COUNTRIES.contains(nationality.toUpperCase(Locale.ROOT)) && !"unknown".equals(nationality)
                && !"stateless".equals(nationality)) {
            c.errors.put("victims.nationality", "must be a two-letter country code (ISO 3166), 'stateless' or 'unknown'");
        } else {
            fields.put("victimNationality", nationality.length() == 2 ? nationality.toUpperCase(Locale.ROOT) : nationality);
        }
        if (age != null && CHILD_AGE_GROUPS.contains(age) && Boolean.FALSE.equals(child)) {
            c.errors.putIfAbsent("childInvolved", "must be yes when the victims' age group is a child's");
        }
    }

    private static String needs(Checker c) {
        Object raw = c.body.getValue("needs");
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof JsonObject needs)) {
            c.errors.put("needs", "must be an object of yes/no answers: " + String.join(", ", NEEDS));
            return null;
        }
        List<String> given = new ArrayList<>();
        for (String name : needs.fieldNames()) {
            if (!NEEDS.contains(name)) {
                c.errors.put("needs." + name, "is not a need the form knows (" + String.join(", ", NEEDS) + ")");
            } else if (!(needs.getValue(name) instanceof Boolean b)) {
                c.errors.put("needs." + name, "must be true or false");
            } else if (b) {
                given.add(name);
            }
        }
        return given.isEmpty() ? null : NEEDS.stream().filter(given::contains).reduce((a, b) -> a + "," + b).orElse(null);
    }

    private static Map<String, Boolean> consents(Checker c) {
        Object raw = c.body.getValue("consents");
        Map<String, Boolean> out = new LinkedHashMap<>();
        if (!(raw instanceof JsonObject consents)) {
            c.errors.put("consents", "ask the caller about every purpose: " + String.join(", ", TipFields.CONSENT_PURPOSES));
            return out;
        }
        for (String purpose : TipFields.CONSENT_PURPOSES) {
            Object answer = consents.getValue(purpose);
            if (answer instanceof Boolean b) {
                out.put(purpose, b);
            } else {
                c.errors.put("consents." + purpose, answer == null ? "ask the caller and record yes or no"
                        : "must be true or false");
            }
        }
        consents.fieldNames().stream().filter(p -> !TipFields.CONSENT_PURPOSES.contains(p)).sorted()
                .forEach(p -> c.errors.put("consents." + p, "is not a consent purpose"));
        return out;
    }

    /** Field checks that record problems under a name prefix. */
    private static final class Checker {
        final JsonObject body;
        final String prefix;
        final Map<String, String> errors;

        Checker(JsonObject body) {
            this(body, "", new LinkedHashMap<>());
        }

        Checker(JsonObject body, String prefix, Map<String, String> errors) {
            this.body = body;
            this.prefix = prefix;
            this.errors = errors;
        }

        Optional<String> optionalText(String name, int max) {
            Object v = body.getValue(name);
            if (v == null) {
                return Optional.empty();
            }
            if (!(v instanceof String s)) {
                errors.put(prefix + name, "must be text");
                return Optional.empty();
            }
            String text = s.strip();
            if (text.length() > max) {
                errors.put(prefix + name, "must be at most " + max + " characters");
                return Optional.empty();
            }
            if (text.chars().anyMatch(ch -> Character.isISOControl(ch) && ch != '\n' && ch != '\t')) {
                errors.put(prefix + name, "must not contain control characters");
                return Optional.empty();
            }
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        }

        String oneOf(String name, List<String> allowed, boolean required) {
            Object v = body.getValue(name);
            if (v == null || "".equals(v)) {
                if (required) {
                    errors.put(prefix + name, "is required");
                }
                return null;
            }
            if (!(v instanceof String s) || !allowed.contains(s)) {
                errors.put(prefix + name, "must be one of " + String.join(", ", allowed));
                return null;
            }
            return s;
        }

        Boolean bool(String name, boolean required) {
            Object v = body.getValue(name);
            if (v == null) {
                if (required) {
                    errors.put(prefix + name, "is required (yes or no)");
                }
                return null;
            }
            if (!(v instanceof Boolean b)) {
                errors.put(prefix + name, "must be true or false");
                return null;
            }
            return b;
        }

        String codes(String name, List<String> allowed) {
            Object v = body.getValue(name);
            if (v == null) {
                return null;
            }
            if (!(v instanceof JsonArray array) || array.size() > allowed.size()) {
                errors.put(prefix + name, "must be a list of: " + String.join(", ", allowed));
                return null;
            }
            List<String> given = new ArrayList<>();
            for (Object item : array) {
                if (!(item instanceof String s) || !allowed.contains(s)) {
                    errors.put(prefix + name, "must be a list of: " + String.join(", ", allowed));
                    return null;
                }
                if (!given.contains(s)) {
                    given.add(s);
                }
            }
            return given.isEmpty() ? null : String.join(",", given);
        }
    }
}
