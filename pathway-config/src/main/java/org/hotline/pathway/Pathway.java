package org.hotline.pathway;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated, compiled pathway version. Immutable and thread-safe; {@link #route} is cheap enough to run
 * for every tip and in bulk simulation.
 */
public interface Pathway {

    String id();

    String version();

    /** Deterministic, explainable routing of one tip. */
    Routing route(TipFacts facts);

    /**
     * The payload one recipient may receive: only the tip fields in its data-sharing profile, taken from
     * {@code tipFields} (keys are tip field names, e.g. {@code exploitationType}, {@code region}).
     */
    Map<String, Object> payloadFor(Recipient recipient, Map<String, Object> tipFields);

    /**
     * The payload for one recipient together with what was withheld for lack of consent and every consent
     * override applied (rule id and reason, for the audit log). {@code tipFields} may carry the caller's
     * consents under {@link TipFields#CONSENTS} as a {@code Map<String, Boolean>}.
     *
     * @throws IllegalArgumentException if the recipient was not produced by this pathway version
     */
    Disclosure disclose(Recipient recipient, Map<String, ?> tipFields);

    /** The audience of a routed recipient: its rules' profiles for this agency and those rules' overrides. */
    Audience audienceOf(Recipient recipient);

    /**
     * The audience of an agency that receives a case outside routing (a supervisor's reassign, an escalation
     * along a chain). Its profile is the narrowest the pathway gives that agency anywhere (the fields every
     * one of its profiles lists, gated by any consent one of them asks); no profile at all when no rule refers
     * cases to it. Consent overrides come only from {@code caseRules} (the rules that matched the case) that
     * name this agency as a recipient or in an escalation chain.
     */
    Audience handoverAudience(String agencyId, java.util.Collection<String> caseRules);

    /**
     * The payload {@code audience} may receive of {@code tipFields}, with what was withheld for lack of
     * consent and every consent override applied (for the audit log).
     */
    Disclosure disclose(Audience audience, Map<String, ?> tipFields);

    /** Region keypad codes for the IVR's region menu: keypad digits to region code, in menu order. */
    Map<String, String> regionKeypad();

    /**
     * The victims' nationalities (ISO 3166 alpha-2) the transnational section refers abroad, in file order, each
     * once: what an IVR asks so that a transnational rule can fire from a call.
     */
    default List<String> transnationalNationalities() {
        return definition().transnational().stream().flatMap(t -> t.nationalities().stream()).distinct().toList();
    }

    /** Exploitation type codes known to this pathway, in menu order. */
    List<String> exploitationTypes();

    Optional<Agency> agency(String agencyId);

    /** Agencies and services of the directory (HSDS-aligned), in file order. */
    List<Agency> agencies();

    /** The parsed document this version was compiled from (regions, profiles, rules, fallback, ...). */
    org.hotline.pathway.model.PathwayDefinition definition();
}
