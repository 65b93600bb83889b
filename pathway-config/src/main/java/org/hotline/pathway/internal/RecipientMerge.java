package org.hotline.pathway.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.hotline.pathway.Agency;
import org.hotline.pathway.Recipient;
import org.hotline.pathway.Recipient.Priority;

/**
 * Folds the referrals of every matched rule into one recipient per agency: the strictest deadline, the
 * highest priority, the union of profile fields and escalation steps, and every rule id that asked for it.
 * Recipients keep the order in which their agency was first referred. Sets are only built when one agency
 * really is referred more than once; the common case reuses the precomputed values of the single action.
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
        var out = new ArrayList<Recipient>(order.size());
        for (var a : order) {
            var agency = agencies.get(a.first.agency());
            out.add(a.more == null
                    ? new Recipient(agency.id(), agency.name(), a.first.profile().id(), a.first.fields(), a.priority,
                            a.within, a.first.escalation(), agency.channels(), a.rules)
                    : merged(agency, a));
        }
        return out;
    }

    private static Recipient merged(Agency agency, Acc a) {
        var profiles = new LinkedHashSet<String>();
        var fields = new LinkedHashSet<String>();
        var escalation = new LinkedHashSet<String>();
        for (var action : a.actions()) {
            profiles.add(action.profile().id());
            fields.addAll(action.fields());
            escalation.addAll(action.escalation());
        }
        return new Recipient(agency.id(), agency.name(), String.join("+", profiles), fields, a.priority, a.within,
                List.copyOf(escalation), agency.channels(), a.rules);
    }

    private static final class Acc {
        final CompiledRule.Action first;
        final List<String> rules = new ArrayList<>(2);
        List<CompiledRule.Action> more;
        Priority priority;
        Duration within;

        Acc(CompiledRule.Action first) {
            this.first = first;
            this.priority = first.priority();
            this.within = first.acknowledgeWithin();
        }

        void merge(CompiledRule.Action other) {
            if (more == null) {
                more = new ArrayList<>(2);
            }
            more.add(other);
            if (other.priority().ordinal() < priority.ordinal()) {
                priority = other.priority();
            }
            if (other.acknowledgeWithin().compareTo(within) < 0) {
                within = other.acknowledgeWithin();
            }
        }

        List<CompiledRule.Action> actions() {
            var all = new ArrayList<CompiledRule.Action>(1 + more.size());
            all.add(first);
            all.addAll(more);
            return all;
        }
    }
}
