package org.hotline.pathway.internal;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.hotline.pathway.Recipient.Priority;
import org.hotline.pathway.model.ConsentOverride;
import org.hotline.pathway.model.Profile;

/** A rule with every reference resolved and every default applied, ready to produce recipients. */
record CompiledRule(String id, List<Action> actions, ConsentOverride consentOverride) {

    CompiledRule {
        actions = List.copyOf(actions);
    }

    /**
     * One resolved referral: agency position in the directory, profile and terms. {@code fields} is the
     * profile's field set, computed once so routing a tip to a single rule's agency allocates no set.
     */
    record Action(int agency, Profile profile, Priority priority, Duration acknowledgeWithin, List<String> escalation,
            Set<String> fields) {
        Action {
            escalation = List.copyOf(escalation);
            fields = Set.copyOf(fields);
        }

        Action(int agency, Profile profile, Priority priority, Duration acknowledgeWithin, List<String> escalation) {
            this(agency, profile, priority, acknowledgeWithin, escalation, Set.copyOf(profile.allFields()));
        }
    }
}
