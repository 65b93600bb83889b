package org.hotline.ivr.flow;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hotline.ivr.SurveySink;

/**
 * What the host passes to the flows. Fail-fast: a bad value throws naming the option.
 *
 * @param lists keypad lists by name replacing the flow files' defaults (e.g. {@code region} from the pathway
 *     configuration); each entry's prompt must exist in every catalogue
 * @param emergencyNumber the number the dialplan dials on the danger key (passed as {@code HOTLINE_EMERGENCY})
 * @param recordingDir where Asterisk writes recordings (RECORD FILE path prefix, on the Asterisk server)
 * @param observer metrics and audit hook
 * @param survey where post-contact survey answers go; {@link SurveySink#OFF} (the default) skips every offer
 */
public record FlowOptions(Map<String, List<Choice>> lists, String emergencyNumber, String recordingDir,
                          FlowObserver observer, SurveySink survey) {

    public static final String DEFAULT_EMERGENCY_NUMBER = "112";
    public static final String DEFAULT_RECORDING_DIR = "/var/spool/asterisk/hotline";

    public FlowOptions {
        Objects.requireNonNull(lists, "flow option 'lists' must not be null");
        lists.forEach((name, choices) -> {
            if (choices == null || choices.isEmpty()) {
                throw new IllegalArgumentException("flow option 'lists." + name + "' must have at least one entry");
            }
            choices.forEach(c -> {
                if (c.digit() == null || !c.digit().matches("[1-8]") || c.code() == null || c.code().isBlank()
                        || c.prompt() == null || c.prompt().isBlank()) {
                    throw new IllegalArgumentException("flow option 'lists." + name + "' has a bad entry " + c
                            + ": digit must be 1-8 (0 and 9 are global keys), code and prompt must be set");
                }
            });
            if (choices.stream().map(Choice::digit).distinct().count() != choices.size()) {
                throw new IllegalArgumentException("flow option 'lists." + name + "' uses a digit twice");
            }
        });
        lists = Map.copyOf(lists);
        if (emergencyNumber == null || !emergencyNumber.matches("[0-9+]{2,20}")) {
            throw new IllegalArgumentException("flow option 'emergencyNumber' must be a dialable number, got '"
                    + emergencyNumber + "'");
        }
        if (recordingDir == null || recordingDir.isBlank()) {
            throw new IllegalArgumentException("flow option 'recordingDir' must be set");
        }
        Objects.requireNonNull(observer, "flow option 'observer' must not be null (use FlowObserver.NONE)");
        Objects.requireNonNull(survey, "flow option 'survey' must not be null (use SurveySink.OFF)");
    }

    public FlowOptions(Map<String, List<Choice>> lists, String emergencyNumber, String recordingDir,
                       FlowObserver observer) {
        this(lists, emergencyNumber, recordingDir, observer, SurveySink.OFF);
    }

    /** Whether callers are offered the post-contact survey. */
    public boolean surveyOn() {
        return survey != SurveySink.OFF;
    }

    public FlowOptions withSurvey(SurveySink newSurvey) {
        return new FlowOptions(lists, emergencyNumber, recordingDir, observer, newSurvey);
    }

    /** The defaults: lists from the flow files, emergency number 112, recordings in the Asterisk spool. */
    public static FlowOptions defaults() {
        return new FlowOptions(Map.of(), DEFAULT_EMERGENCY_NUMBER, DEFAULT_RECORDING_DIR, FlowObserver.NONE);
    }

    public FlowOptions withLists(Map<String, List<Choice>> newLists) {
        return new FlowOptions(newLists, emergencyNumber, recordingDir, observer, survey);
    }

    public FlowOptions withObserver(FlowObserver newObserver) {
        return new FlowOptions(lists, emergencyNumber, recordingDir, newObserver, survey);
    }
}
