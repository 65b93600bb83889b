package org.hotline.pathway.internal;

import java.time.Duration;
import java.util.List;
import org.hotline.pathway.Recipient.Priority;
import org.hotline.pathway.model.ConsentOverride;
import org.hotline.pathway.model.Profile;

/** A rule with every reference resolved and every default applied, ready to produce recipients. */
record CompiledRule(String id, List<Action> actions, ConsentOverride consentOverride) {

    CompiledRule {
        actions = List.copyOf(actions);
    }

    /** One resolved referral: agency position in the directory, profile and terms. */
    record Action(int agency, Profile profile, Priority priority, Duration acknowledgeWithin, List<String> escalation) {
        Action {
            escalation = List.copyOf(escalation);
        }
    }
}
