package org.hotline.ivr.flow;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline.ivr.SurveyAnswer;
import org.hotline.ivr.SurveySink;

/** A survey sink that keeps what it was given, for tests; the call runs on the server's thread. */
final class RecordingSurvey implements SurveySink {

    private final List<SurveyAnswer> answers = new CopyOnWriteArrayList<>();

    @Override
    public void record(SurveyAnswer answer) {
        answers.add(answer);
    }

    List<SurveyAnswer> answers() {
        return List.copyOf(answers);
    }
}
