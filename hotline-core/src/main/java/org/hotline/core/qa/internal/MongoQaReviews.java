package org.hotline.core.qa.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.hotline.core.qa.QaReview;
import org.hotline.core.qa.QaReviews;
import org.hotline.core.storage.MongoStore;

/** {@link QaReviews} in the {@code qa_reviews} collection; the note is stored as sealed by the caller. */
public final class MongoQaReviews implements QaReviews {

    private final MongoCollection<Document> reviews;

    public MongoQaReviews(MongoStore store) {
        this.reviews = store.database().getCollection("qa_reviews");
    }

    @Override
    public void save(QaReview r) {
        Document scores = new Document();
        r.scores().forEach(scores::append);
        reviews.insertOne(new Document("_id", r.id()).append("reference", r.reference()).append("tipId", r.tipId())
                .append("operator", r.operator()).append("reviewer", r.reviewer()).append("scores", scores)
                .append("note", r.sealedNote()).append("createdAt", Date.from(r.createdAt())));
    }

    @Override
    public List<OperatorTotals> totals(Instant from, Instant to) {
        Map<String, Long> counts = new TreeMap<>();
        Map<String, Map<String, Long>> sums = new HashMap<>();
        for (Document d : reviews.find(Filters.and(Filters.gte("createdAt", Date.from(from)),
                Filters.lt("createdAt", Date.from(to))))) {
            String operator = d.getString("operator");
            counts.merge(operator, 1L, Long::sum);
            Document scores = d.get("scores", Document.class);
            Map<String, Long> own = sums.computeIfAbsent(operator, o -> new HashMap<>());
            QaReview.CRITERIA.forEach(c -> own.merge(c, (long) scores.getInteger(c, 0), Long::sum));
        }
        List<OperatorTotals> out = new ArrayList<>();
        counts.forEach((operator, n) -> out.add(new OperatorTotals(operator, n, sums.get(operator))));
        return out;
    }
}
