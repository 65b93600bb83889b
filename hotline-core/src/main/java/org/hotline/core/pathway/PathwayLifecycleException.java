package org.hotline.core.pathway;

import java.util.List;
import org.hotline.pathway.Problem;

/**
 * A lifecycle request that was refused and changed nothing: a stable {@link #code()}, a message safe to show
 * the user, the kind of refusal (the API maps it to a status) and, for invalid pathway text, every problem.
 */
public final class PathwayLifecycleException extends RuntimeException {

    /** The kind of refusal. */
    public enum Kind { INVALID, NOT_FOUND, FORBIDDEN, CONFLICT }

    private final Kind kind;
    private final String code;
    private final List<Problem> problems;

    public PathwayLifecycleException(Kind kind, String code, String message) {
        this(kind, code, message, List.of());
    }

    public PathwayLifecycleException(Kind kind, String code, String message, List<Problem> problems) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.problems = List.copyOf(problems);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public List<Problem> problems() {
        return problems;
    }

    static PathwayLifecycleException notFound(String versionId) {
        return new PathwayLifecycleException(Kind.NOT_FOUND, "version_not_found", "No pathway version " + versionId + ".");
    }

    static PathwayLifecycleException wrongState(PathwayVersion version, String action, String expected) {
        return new PathwayLifecycleException(Kind.CONFLICT, "invalid_state", "Version " + version.label() + " is "
                + version.state() + "; only a version that is " + expected + " can be " + action + ".");
    }
}
