package org.hotline.core.privacy;

import java.util.List;

/** The result of a privacy decision on a tip (legal hold, callback override). */
public sealed interface PrivacyDecision {

    /** The decision was stored and audited. */
    record Applied(String reference) implements PrivacyDecision {}

    /** Nothing was changed; every problem is listed. */
    record Refused(List<String> problems) implements PrivacyDecision {
        public Refused {
            problems = List.copyOf(problems);
        }
    }

    /** No tip has that reference. */
    record NotFound(String reference) implements PrivacyDecision {}
}
