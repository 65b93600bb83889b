package org.hotline.core.pathway;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.hotline.pathway.LoadResult;
import org.hotline.pathway.Pathway;
import org.hotline.pathway.PathwayLoader;
import org.hotline.pathway.ProblemCodes;

/**
 * The pathway version that routes new tips on this node. Swapped atomically (by {@link PathwaySync} when the
 * schedule says so); readers never see half a version. Starts with the start-up file, which also seeds an
 * empty version store.
 */
public final class ActivePathway {

    /** A compiled version and the id of the stored version it came from (empty until synced with the store). */
    public record Current(Pathway pathway, Optional<String> versionId) {}

    private final AtomicReference<Current> current = new AtomicReference<>();
    private final Optional<PathwayFile> startFile;

    private ActivePathway(Pathway pathway, Optional<PathwayFile> startFile) {
        current.set(new Current(pathway, Optional.empty()));
        this.startFile = startFile;
    }

    /**
     * Loads the pathway file, failing start-up with every problem listed when it is invalid; webhooks to this
     * machine are refused as {@link PathwayLifecycleConfig#loadOptions} says.
     */
    public static ActivePathway fromFile(Path file, Map<String, String> env) {
        PathwayFile read = PathwayFile.read(file);
        LoadResult result = PathwayLoader.load(read.text(), file.toString(), env, PathwayLifecycleConfig.loadOptions(env));
        return switch (result) {
            case LoadResult.Valid valid -> new ActivePathway(valid.pathway(), Optional.of(read));
            case LoadResult.Invalid invalid -> throw new IllegalArgumentException("The pathway " + file
                    + " is invalid:\n" + invalid.problems().stream().map(Object::toString).collect(Collectors.joining("\n"))
                    + (invalid.problems().stream().anyMatch(p -> ProblemCodes.LOCAL_WEBHOOK.equals(p.code()))
                            ? "\nWebhooks to this machine are allowed only in demo mode (HOTLINE_DEMO=true) or with "
                                    + "HOTLINE_ALLOW_LOCAL_WEBHOOKS=true (tests, labs); give the agencies' real addresses."
                            : ""));
        };
    }

    public static ActivePathway of(Pathway pathway) {
        return new ActivePathway(pathway, Optional.empty());
    }

    public Pathway get() {
        return current.get().pathway();
    }

    /** The version and its stored id, read together. */
    public Current current() {
        return current.get();
    }

    /** The file this node started with, if it started from one. */
    public Optional<PathwayFile> startFile() {
        return startFile;
    }

    public void activate(Pathway pathway) {
        current.set(new Current(pathway, Optional.empty()));
    }

    /** Swaps in stored version {@code versionId}. */
    public void activate(Pathway pathway, String versionId) {
        current.set(new Current(pathway, Optional.of(versionId)));
    }
}
