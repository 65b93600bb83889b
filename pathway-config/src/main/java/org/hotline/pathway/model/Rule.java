package org.hotline.pathway.model;

import java.util.List;

/** A referral rule: when the conditions hold, every referral in {@code refer} is made. */
public record Rule(
        String id, String description, Conditions when, List<Referral> refer, ConsentOverride consentOverride) {

    public Rule {
        refer = List.copyOf(refer);
    }
}
