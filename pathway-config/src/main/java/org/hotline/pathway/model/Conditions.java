package org.hotline.pathway.model;

import java.util.List;

/**
 * The {@code when:} part of a rule. A {@code null} component places no constraint; a list means "one of";
 * {@code consents} means "all of these purposes were given". All present components must hold.
 */
public record Conditions(
        List<String> exploitationTypes,
        List<String> regions,
        Boolean childInvolved,
        Boolean immediateDanger,
        List<String> victimNationalities,
        Boolean crossBorder,
        List<String> consents,
        List<String> callerRoles) {

    /** Matches every tip. */
    public static final Conditions ANY = new Conditions(null, null, null, null, null, null, null, null);

    public Conditions {
        exploitationTypes = copy(exploitationTypes);
        regions = copy(regions);
        victimNationalities = copy(victimNationalities);
        consents = copy(consents);
        callerRoles = copy(callerRoles);
    }

    private static List<String> copy(List<String> values) {
        return values == null ? null : List.copyOf(values);
    }
}
