package org.hotline.pathway.internal;

import java.util.List;
import java.util.Objects;
import org.hotline.pathway.model.Conditions;

/** Whether one set of rule conditions accepts every tip another accepts. */
final class Subsumption {

    private Subsumption() {}

    static boolean covers(Conditions wide, Conditions narrow) {
        return list(wide.exploitationTypes(), narrow.exploitationTypes())
                && list(wide.regions(), narrow.regions())
                && flag(wide.childInvolved(), narrow.childInvolved())
                && flag(wide.immediateDanger(), narrow.immediateDanger())
                && list(wide.victimNationalities(), narrow.victimNationalities())
                && flag(wide.crossBorder(), narrow.crossBorder())
                && consents(wide.consents(), narrow.consents())
                && list(wide.callerRoles(), narrow.callerRoles());
    }

    private static boolean list(List<String> wide, List<String> narrow) {
        return wide == null || (narrow != null && wide.containsAll(narrow));
    }

    private static boolean flag(Boolean wide, Boolean narrow) {
        return wide == null || Objects.equals(wide, narrow);
    }

    /** Consents are "all of": requiring fewer purposes accepts more tips. */
    private static boolean consents(List<String> wide, List<String> narrow) {
        return wide == null || wide.isEmpty() || (narrow != null && narrow.containsAll(wide));
    }
}
