package org.hotline.ivr.flow;

import org.hotline.ivr.SurveyAnswer;
import org.hotline.ivr.SurveySink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands one survey answer to the host's sink for calls and text alike. */
public final class SurveyAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(SurveyAnswers.class);

    private SurveyAnswers() {}

    /**
     * Records the answer; a sink that fails is logged and the conversation goes on: a lost survey answer must
     * never cost a caller the rest of the call.
     */
    public static void record(SurveySink sink, SurveyAnswer answer) {
        try {
            sink.record(answer);
        } catch (RuntimeException e) {
            LOG.warn("survey answer to {} in {} could not be stored: {}", answer.question(), answer.flowVersion(),
                    e.toString());
        }
    }
}
