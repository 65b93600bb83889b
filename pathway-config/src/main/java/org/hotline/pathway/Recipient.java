package org.hotline.pathway;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * One agency that must receive a tip, and on what terms: the data-sharing profile (and the tip fields it
 * allows), priority, acknowledgement deadline, escalation chain and the rules that put it here.
 */
public record Recipient(
        String agencyId,
        String agencyName,
        String profile,
        Set<String> fields,
        Priority priority,
        Duration acknowledgeWithin,
        List<String> escalationChain,
        List<Channel> channels,
        List<String> matchedRules) {

    public Recipient {
        fields = Set.copyOf(fields);
        escalationChain = List.copyOf(escalationChain);
        channels = List.copyOf(channels);
        matchedRules = List.copyOf(matchedRules);
    }

    /** Urgency of a referral; IMMEDIATE jumps every queue. */
    public enum Priority { IMMEDIATE, HIGH, NORMAL, LOW }
}
