package org.hotline.ivr.flow;

import java.util.List;

/** The result of loading a flow folder: every flow valid, or every problem found. */
public sealed interface FlowLoadResult {

    /** All flows and catalogues are valid; this set now serves new calls. */
    record Loaded(FlowSet flows) implements FlowLoadResult {}

    /** At least one problem; nothing was loaded and the running set (if any) keeps serving. */
    record Rejected(List<FlowProblem> problems) implements FlowLoadResult {
        public Rejected {
            problems = List.copyOf(problems);
        }
    }
}
