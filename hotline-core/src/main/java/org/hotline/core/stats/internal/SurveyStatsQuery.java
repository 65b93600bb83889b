package org.hotline.core.stats.internal;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.hotline.core.stats.Cell;
import org.hotline.core.stats.SurveyLog;
import org.hotline.core.stats.SurveyStats;

/** Counts survey answers of whole months by flow version, question and answer; small cells suppressed. */
public final class SurveyStatsQuery {

    private SurveyStatsQuery() {}

    public static Map<String, Map<String, SurveyStats.Question>> run(MongoDatabase db, YearMonth from, YearMonth to,
                                                                     int minCell) {
        // months are stored as yyyy-MM, which sorts as text in calendar order
        var range = Filters.and(Filters.gte("month", from.toString()), Filters.lte("month", to.toString()));
        Map<String, Map<String, Tally>> tallies = new TreeMap<>();
        for (Document doc : db.getCollection(SurveyLog.SURVEY_ANSWERS).find(range)
                .projection(new Document("flow", 1).append("question", 1).append("answer", 1))) {
            tallies.computeIfAbsent(doc.getString("flow"), f -> new TreeMap<>())
                    .computeIfAbsent(doc.getString("question"), q -> new Tally()).add(doc.getString("answer"));
        }
        Map<String, Map<String, SurveyStats.Question>> byFlow = new LinkedHashMap<>();
        tallies.forEach((flow, questions) -> {
            Map<String, SurveyStats.Question> byQuestion = new LinkedHashMap<>();
            questions.forEach((question, tally) -> byQuestion.put(question,
                    new SurveyStats.Question(Cell.of(tally.total(), minCell), tally.cells(minCell))));
            byFlow.put(flow, byQuestion);
        });
        return byFlow;
    }
}
