package org.hotline.pathway.model;

import java.time.Duration;
import java.util.List;
import org.hotline.pathway.Recipient.Priority;

/**
 * One "refer to" action: the agency, the profile it receives, how urgent, how soon it must acknowledge
 * ({@code null} when the file gives no deadline and the defaults apply) and who is next if it does not
 * ({@code null} when the agency's own {@code escalates_to} chain applies). Escalation entries are agency
 * ids or the words {@code supervisor} and {@code national_coordinator}.
 */
public record Referral(
        String agency, String profile, Priority priority, Duration acknowledgeWithin, List<String> escalation) {

    public Referral {
        escalation = escalation == null ? null : List.copyOf(escalation);
    }
}
