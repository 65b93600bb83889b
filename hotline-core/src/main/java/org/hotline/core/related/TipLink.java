package org.hotline.core.related;

import java.time.Instant;

/**
 * A supervisor's link between two reports, by their references (ordered, so a pair has one link whichever way it was
 * made): who linked them and when. Holds no report content.
 */
public record TipLink(String first, String second, String by, Instant at) {

    public TipLink {
        if (first.compareTo(second) > 0) {
            String swap = first;
            first = second;
            second = swap;
        }
    }

    /** The other report of the link, seen from {@code reference}. */
    public String other(String reference) {
        return first.equals(reference) ? second : first;
    }
}
