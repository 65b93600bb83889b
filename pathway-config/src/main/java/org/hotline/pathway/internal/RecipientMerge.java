package org.hotline.pathway.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.hotline.pathway.Agency;
import org.hotline.pathway.Recipient;
import org.hotline.pathway.Recipient.Priority;
import org.hotline.pathway.TipFields;

/**
 * Folds the referrals of every matched rule into one recipient per agency: the strictest deadline, the
 * highest priority, the union of profile fields and escalation steps, and every rule id that asked for it.
 * Recipients keep the order in which their agency was first referred.
 */
final class RecipientMerge {

    private final List<Agency> agencies;
    private final Acc[] byAgency;
    private final List<Acc> order = new ArrayList<>();

    RecipientMerge(List<Agency> agencies) {
        this.agencies = agencies;
        this.byAgency = new Acc[agencies.size()];
    }

    void add(String ruleId, CompiledRule.Action action) {
        var acc = byAgency[action.agency()];
        if (acc == null) {
            acc = new Acc(action);
            byAgency[action.agency()] = acc;
            order.add(acc);
        } else {
            acc.merge(action);
        }
        if (!acc.rules.contains(ruleId)) {
            acc.rules.add(ruleId);
        }
    }

    List<Recipient> recipients() {
        return order.stream().map(a -> {
            var agency = agencies.get(a.agency);
            var fields = TipFields.ALL.stream().filter(a.fields::contains).toList();
            return new Recipient(agency.id(), agency.name(), String.join("+", a.profiles), new LinkedHashSet<>(fields),
                    a.priority, a.within, List.copyOf(a.escalation), agency.channels(), a.rules);
        }).toList();
    }

    private static final class Acc {
        final int agency;
        final LinkedHashSet<String> profiles = new LinkedHashSet<>();
        final LinkedHashSet<String> fields = new LinkedHashSet<>();
        final LinkedHashSet<String> escalation = new LinkedHashSet<>();
        final List<String> rules = new ArrayList<>(2);
        Priority priority;
        Duration within;

        Acc(CompiledRule.Action first) {
            this.agency = first.agency();
            this.priority = first.priority();
            this.within = first.acknowledgeWithin();
            take(first);
        }

        void merge(CompiledRule.Action other) {
            if (other.priority().ordinal() < priority.ordinal()) {
                priority = other.priority();
            }
            if (other.acknowledgeWithin().compareTo(within) < 0) {
                within = other.acknowledgeWithin();
            }
            take(other);
        }

        private void take(CompiledRule.Action action) {
            profiles.add(action.profile().id());
            fields.addAll(action.profile().allFields());
            escalation.addAll(action.escalation());
        }
    }
}
