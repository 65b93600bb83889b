package org.hotline.ivr.flow;

import java.util.List;
import java.util.stream.Collectors;

/** The flows folder has problems; thrown at start-up so the service does not run without valid flows. */
public class InvalidFlowsException extends RuntimeException {

    private final List<FlowProblem> problems;

    public InvalidFlowsException(List<FlowProblem> problems) {
        super("invalid flows:\n" + problems.stream().map(FlowProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<FlowProblem> problems() {
        return problems;
    }
}
