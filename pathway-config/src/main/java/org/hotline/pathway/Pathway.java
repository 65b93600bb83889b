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

    /** Region keypad codes for the IVR's region menu: keypad digits to region code, in menu order. */
    Map<String, String> regionKeypad();

    /** Exploitation type codes known to this pathway, in menu order. */
    List<String> exploitationTypes();

    Optional<Agency> agency(String agencyId);

    /** Agencies and services of the directory (HSDS-aligned), in file order. */
    List<Agency> agencies();
}
