package org.hotline.core.pathway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.hotline.pathway.LoadResult;
import org.hotline.pathway.Pathway;
import org.hotline.pathway.PathwayLoader;

/** The pathway version that routes new tips on this node. Swapped atomically; readers never see half a version. */
public final class ActivePathway {

    private final AtomicReference<Pathway> current = new AtomicReference<>();

    private ActivePathway(Pathway pathway) {
        current.set(pathway);
    }

    /** Loads the pathway file, failing start-up with every problem listed when it is invalid. */
    public static ActivePathway fromFile(Path file, Map<String, String> env) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("Configuration HOTLINE_PATHWAY_FILE: cannot read " + file + ": " + e.getMessage());
        }
        LoadResult result = PathwayLoader.load(text, file.toString(), env);
        return switch (result) {
            case LoadResult.Valid valid -> new ActivePathway(valid.pathway());
            case LoadResult.Invalid invalid -> throw new IllegalArgumentException("The pathway " + file
                    + " is invalid:\n" + invalid.problems().stream().map(Object::toString).collect(Collectors.joining("\n")));
        };
    }

    public static ActivePathway of(Pathway pathway) {
        return new ActivePathway(pathway);
    }

    public Pathway get() {
        return current.get();
    }

    public void activate(Pathway pathway) {
        current.set(pathway);
    }
}
