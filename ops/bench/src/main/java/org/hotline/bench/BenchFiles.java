package org.hotline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The repository's shipped flows and pathway, and the always-open copy of the flows the benchmarks use. */
public final class BenchFiles {

    private static final Pattern SECRET_REF = Pattern.compile("secret_ref:\\s*([A-Z0-9_]+)");

    private BenchFiles() {}

    /** The repository root: the nearest folder at or above {@code start} holding {@code ivr-flows/flows}. */
    public static Path repoRoot(Path start) {
        Path dir = start.toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("ivr-flows/flows"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository (ivr-flows/flows) at or above " + start);
        }
        return dir;
    }

    public static Path nationalPathway(Path repo) {
        return repo.resolve("pathway-config/examples/national.yaml");
    }

    /**
     * Copies the shipped flows into {@code target} without the opening-hours block of {@code hotline.yaml}, so
     * every benchmark call takes the daytime report path whatever the hour.
     */
    public static Path alwaysOpenFlows(Path repo, Path target) {
        Path flows = repo.resolve("ivr-flows/flows");
        try (Stream<Path> paths = Files.walk(flows)) {
            for (Path p : paths.toList()) {
                Path dest = target.resolve(flows.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
            Path hotline = target.resolve("hotline.yaml");
            String text = Files.readString(hotline);
            String withoutHours = text.replaceAll("(?m)^hours:\\n(?:^[ #].*\\n)*", "");
            if (withoutHours.equals(text)) {
                throw new IllegalStateException("hotline.yaml has no top-level hours block; update BenchFiles");
            }
            Files.writeString(hotline, withoutHours);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every {@code secret_ref} a pathway file names, so a benchmark node can sign all its webhooks. */
    public static List<String> secretRefs(Path pathwayFile) {
        try {
            Matcher m = SECRET_REF.matcher(Files.readString(pathwayFile));
            List<String> refs = new ArrayList<>();
            while (m.find()) {
                refs.add(m.group(1));
            }
            return refs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
