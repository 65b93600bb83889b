package org.hotline.core.pathway;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotline.pathway.Problem;

/**
 * One stored pathway version: the YAML text as uploaded, the id and version parsed from it, its state, the
 * lint warnings of its last check (a stored version never has lint errors) and every transition so far.
 *
 * @param id the storage id (hex), stable for the life of the version
 * @param label {@code pathwayId:version}, unique across all stored versions
 */
public record PathwayVersion(String id, String label, String pathwayId, String version, VersionState state,
        String yaml, List<Problem> warnings, String createdBy, Instant createdAt, List<Transition> transitions) {

    public PathwayVersion {
        warnings = List.copyOf(warnings);
        transitions = List.copyOf(transitions);
    }

    /** Who moved the version from one state to another, when, and why. {@code from} is null for creation. */
    public record Transition(VersionState from, VersionState to, String by, Instant at, String reason) {}

    /** The user who submitted this version, if it was ever submitted. */
    public Optional<String> submittedBy() {
        return transitions.stream().filter(t -> t.to() == VersionState.SUBMITTED).map(Transition::by)
                .reduce((first, second) -> second);
    }
}
