package org.hotline.core.qa;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Where QA reviews are kept (MongoDB {@code qa_reviews}); implementations block. */
public interface QaReviews {

    void save(QaReview review);

    /** Per operator: how many reviews between {@code from} and {@code to}, and the sum of each criterion's scores. */
    List<OperatorTotals> totals(Instant from, Instant to);

    record OperatorTotals(String operator, long reviews, Map<String, Long> sums) {
        public OperatorTotals {
            sums = Map.copyOf(sums);
        }
    }
}
