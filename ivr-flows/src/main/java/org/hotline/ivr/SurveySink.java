package org.hotline.ivr;

/**
 * Where survey answers go. {@link #OFF} is the default: a flow's {@code survey_offer} node then goes straight on
 * and no caller is ever asked.
 */
public interface SurveySink {

    /** No survey: offers are skipped. */
    SurveySink OFF = answer -> {
        throw new IllegalStateException("the survey is off; no answer can be recorded");
    };

    /** Stores one answer; a failure must not end the call (the IVR logs it and goes on). */
    void record(SurveyAnswer answer);
}
