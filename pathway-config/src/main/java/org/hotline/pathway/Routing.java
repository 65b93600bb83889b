package org.hotline.pathway;

import java.util.List;

/**
 * The outcome of evaluating a pathway version for one tip: every recipient, in a stable order, and
 * whether the fallback (national coordinator) was used because no rule matched.
 */
public record Routing(String pathwayId, String pathwayVersion, List<Recipient> recipients, boolean fallbackUsed) {

    public Routing {
        recipients = List.copyOf(recipients);
    }
}
