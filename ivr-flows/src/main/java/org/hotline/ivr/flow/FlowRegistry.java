package org.hotline.ivr.flow;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.hotline.ivr.flow.internal.FlowFolderLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the flow set that serves new calls. A reload that finds any problem changes nothing: the running set
 * keeps serving. Calls take {@link #current()} once when they start and keep it to the end.
 */
public final class FlowRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(FlowRegistry.class);

    private final Path folder;
    private final AtomicReference<FlowSet> current;

    private FlowRegistry(Path folder, FlowSet initial) {
        this.folder = folder;
        this.current = new AtomicReference<>(initial);
    }

    /**
     * Loads and validates every flow and prompt catalogue in {@code flowsDir}.
     *
     * @throws InvalidFlowsException listing every problem when anything is invalid
     */
    public static FlowRegistry load(Path flowsDir) {
        return switch (FlowFolderLoader.load(flowsDir)) {
            case FlowLoadResult.Loaded loaded -> {
                warnPartial(flowsDir, loaded.flows());
                yield new FlowRegistry(flowsDir, loaded.flows());
            }
            case FlowLoadResult.Rejected rejected -> throw new InvalidFlowsException(rejected.problems());
        };
    }

    /** Validates {@code flowsDir} without loading it anywhere (for a "check" command or an editor). */
    public static FlowLoadResult check(Path flowsDir) {
        return FlowFolderLoader.load(flowsDir);
    }

    /** Reads the folder again; serves the new set only when it is valid. */
    public FlowLoadResult reload() {
        FlowLoadResult result = FlowFolderLoader.load(folder);
        switch (result) {
            case FlowLoadResult.Loaded loaded -> {
                current.set(loaded.flows());
                LOG.info("flows reloaded from {}: {}", folder, loaded.flows().flows().keySet());
                warnPartial(folder, loaded.flows());
            }
            case FlowLoadResult.Rejected rejected ->
                    LOG.warn("flow reload from {} rejected, running flows kept: {}", folder, rejected.problems());
        }
        return result;
    }

    /** One warning for a whole load, naming every prompt a partial language plays in the default language. */
    private static void warnPartial(Path folder, FlowSet set) {
        Map<String, List<String>> missing = set.missingPrompts();
        if (!missing.isEmpty()) {
            StringBuilder text = new StringBuilder();
            missing.forEach((language, ids) -> text.append(text.isEmpty() ? "" : "; ").append(language).append(" (")
                    .append(ids.size()).append("): ").append(String.join(", ", ids)));
            LOG.warn("partial prompt catalogues in {}: these prompts play in the flow's default language until "
                    + "translated: {}", folder.resolve("prompts"), text);
        }
    }

    /** The set new calls start on. */
    public FlowSet current() {
        return current.get();
    }
}
