package org.hotline.core.stats;

import io.vertx.core.json.JsonObject;
import java.time.YearMonth;
import java.util.Map;

/**
 * Post-contact survey results for whole months {@code from} to {@code to}: by survey flow version, by question,
 * the number of answers and the count of each answer, small cells suppressed as in the other statistics.
 */
public record SurveyStats(YearMonth from, YearMonth to, int minCell, boolean surveyOn,
                          Map<String, Map<String, Question>> byFlow) {

    public SurveyStats {
        byFlow = Map.copyOf(byFlow);
    }

    /** One question: how many answered it and how often each answer was given. */
    public record Question(Cell answered, Map<String, Cell> answers) {}

    public JsonObject toJson() {
        JsonObject flows = new JsonObject();
        byFlow.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(flow -> {
            JsonObject questions = new JsonObject();
            flow.getValue().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(q -> {
                JsonObject answers = new JsonObject();
                q.getValue().answers().forEach((answer, cell) -> answers.put(answer, StatsJson.cell(cell)));
                questions.put(q.getKey(), new JsonObject().put("answered", StatsJson.cell(q.getValue().answered()))
                        .put("answers", answers));
            });
            flows.put(flow.getKey(), questions);
        });
        return new JsonObject().put("fromMonth", from.toString()).put("toMonth", to.toString())
                .put("minCell", minCell).put("surveyOn", surveyOn).put("byFlow", flows);
    }
}
