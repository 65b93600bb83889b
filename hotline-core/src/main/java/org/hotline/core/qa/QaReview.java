package org.hotline.core.qa;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A supervisor's quality review of one call: a score from 1 to 5 for each of {@link #CRITERIA} and a note. The
 * note is stored sealed under the call's tip ({@code PayloadSeal.sealText}), so it goes with the tip at the
 * retention purge; {@code operator} is the operator's phone (queue member interface), {@code reviewer} a user id.
 */
public record QaReview(String id, String reference, String tipId, String operator, String reviewer,
        Map<String, Integer> scores, String sealedNote, Instant createdAt) {

    /** What every review scores, in the form's order. */
    public static final List<String> CRITERIA = List.of("greeting", "safety", "listening", "information", "referral");

    public QaReview {
        scores = Map.copyOf(scores);
    }
}
