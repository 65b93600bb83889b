package org.hotline.pathway;

import java.util.Map;
import java.util.Set;

/**
 * The stable {@link Problem#code()} strings and their severity. Errors block loading; warnings come with a
 * valid pathway in {@link LoadResult.Valid#warnings()}.
 */
public final class ProblemCodes {

    /** Whether a problem blocks loading. */
    public enum Severity { ERROR, WARNING }

    // Document structure
    public static final String YAML_SYNTAX = "yaml-syntax";
    public static final String EMPTY_DOCUMENT = "empty-document";
    public static final String DUPLICATE_KEY = "duplicate-key";
    public static final String UNKNOWN_KEY = "unknown-key";
    public static final String MISSING_KEY = "missing-key";
    public static final String WRONG_TYPE = "wrong-type";
    public static final String INVALID_VALUE = "invalid-value";
    public static final String UNRESOLVED_VARIABLE = "unresolved-variable";
    public static final String DUPLICATE_ID = "duplicate-id";
    public static final String DUPLICATE_KEYPAD = "duplicate-keypad";

    // References
    public static final String UNKNOWN_AGENCY = "unknown-agency";
    public static final String UNKNOWN_PROFILE = "unknown-profile";
    public static final String UNKNOWN_REGION = "unknown-region";
    public static final String UNKNOWN_FIELD = "unknown-field";
    public static final String UNKNOWN_EXPLOITATION_TYPE = "unknown-exploitation-type";
    public static final String UNKNOWN_CONSENT_PURPOSE = "unknown-consent-purpose";
    public static final String UNKNOWN_CALLER_ROLE = "unknown-caller-role";

    // Semantics
    public static final String AGENCY_NO_CHANNEL = "agency-no-channel";
    /** A webhook to the loading machine itself, where {@link LoadOptions} does not allow one. */
    public static final String LOCAL_WEBHOOK = "local-webhook";
    public static final String RULE_NEVER_MATCHES = "rule-never-matches";
    public static final String RULE_SHADOWED = "rule-shadowed";
    public static final String ESCALATION_CYCLE = "escalation-cycle";
    public static final String DANGER_RULE_WITHOUT_DEADLINE = "danger-rule-without-deadline";
    public static final String CHILD_RULE_WITHOUT_DEADLINE = "child-rule-without-deadline";
    public static final String CHILD_RULE_WITHOUT_CHILD_PROTECTION = "child-rule-without-child-protection";
    public static final String CHILD_PROTECTION_GAP = "child-protection-gap";
    public static final String COVERAGE_GAP = "coverage-gap";
    public static final String UNGATED_IDENTITY_FIELD = "ungated-identity-field";
    public static final String TRANSNATIONAL_OWN_COUNTRY = "transnational-own-country";
    public static final String TRANSNATIONAL_AGENCY_KIND = "transnational-agency-kind";
    public static final String AGENCY_OUTSIDE_SERVICE_AREA = "agency-outside-service-area";
    public static final String UNUSED_AGENCY = "unused-agency";
    public static final String UNUSED_PROFILE = "unused-profile";

    private static final Set<String> WARNINGS = Set.of(
            RULE_SHADOWED, COVERAGE_GAP, TRANSNATIONAL_AGENCY_KIND,
            AGENCY_OUTSIDE_SERVICE_AREA, UNUSED_AGENCY, UNUSED_PROFILE);

    /** One-line explanation per code, for the README and the CLI. */
    public static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry(YAML_SYNTAX, "the file is not well-formed YAML"),
            Map.entry(EMPTY_DOCUMENT, "the file holds no document"),
            Map.entry(DUPLICATE_KEY, "a key appears twice in one mapping"),
            Map.entry(UNKNOWN_KEY, "a key the format does not know (typo?)"),
            Map.entry(MISSING_KEY, "a required key is missing"),
            Map.entry(WRONG_TYPE, "a value has the wrong type (e.g. a list where text is expected)"),
            Map.entry(INVALID_VALUE, "a value is malformed (duration, keypad digit, URL, code...)"),
            Map.entry(UNRESOLVED_VARIABLE, "${NAME} is not set and has no :-default"),
            Map.entry(DUPLICATE_ID, "two regions, agencies, profiles or rules share an id"),
            Map.entry(DUPLICATE_KEYPAD, "two regions share a keypad digit"),
            Map.entry(UNKNOWN_AGENCY, "a rule, fallback or escalation names an agency not in the directory"),
            Map.entry(UNKNOWN_PROFILE, "a referral names a profile that is not defined"),
            Map.entry(UNKNOWN_REGION, "a rule or service area names a region that is not defined"),
            Map.entry(UNKNOWN_FIELD, "a profile or override names a field that is not a tip field"),
            Map.entry(UNKNOWN_EXPLOITATION_TYPE, "an exploitation type outside the HTCDS list or this pathway"),
            Map.entry(UNKNOWN_CONSENT_PURPOSE, "a consent purpose that does not exist"),
            Map.entry(UNKNOWN_CALLER_ROLE, "a caller role the IVR and intake never set (the rule would never fire)"),
            Map.entry(AGENCY_NO_CHANNEL, "an agency has no channel a referral can be delivered by"),
            Map.entry(RULE_NEVER_MATCHES, "a rule's conditions can never all hold"),
            Map.entry(RULE_SHADOWED, "an earlier rule already matches every tip this rule matches and makes"
                    + " the same referrals"),
            Map.entry(ESCALATION_CYCLE, "an escalation chain comes back to an agency already in it"),
            Map.entry(DANGER_RULE_WITHOUT_DEADLINE, "an immediate-danger rule refers without acknowledge_within"),
            Map.entry(CHILD_RULE_WITHOUT_DEADLINE, "a child rule refers without acknowledge_within"),
            Map.entry(CHILD_RULE_WITHOUT_CHILD_PROTECTION, "a child rule refers to no social welfare agency"),
            Map.entry(CHILD_PROTECTION_GAP, "a tip with a child involved can reach no social welfare agency"),
            Map.entry(COVERAGE_GAP, "exploitation type x region x child/adult reaches only the fallback"),
            Map.entry(UNGATED_IDENTITY_FIELD, "a profile shares caller identity without requiring consent"),
            Map.entry(TRANSNATIONAL_OWN_COUNTRY, "a transnational rule lists the pathway's own country"),
            Map.entry(TRANSNATIONAL_AGENCY_KIND, "a transnational rule refers to an agency that is not a"
                    + " foreign_counterpart"),
            Map.entry(AGENCY_OUTSIDE_SERVICE_AREA, "a rule sends tips from a region outside the agency's"
                    + " service areas"),
            Map.entry(UNUSED_AGENCY, "an agency no rule, fallback or escalation uses"),
            Map.entry(UNUSED_PROFILE, "a profile no referral uses"));

    private ProblemCodes() {}

    public static Severity severity(String code) {
        return WARNINGS.contains(code) ? Severity.WARNING : Severity.ERROR;
    }
}
