package org.hotline.core.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The shipped flows and pathway, located from the hotline-core module, and test variants of them. */
public final class TestFiles {

    public static final Path REPO = findRepo();
    public static final Path FLOWS = REPO.resolve("ivr-flows/flows");
    public static final Path NATIONAL_PATHWAY = REPO.resolve("pathway-config/examples/national.yaml");
    /**
     * The environment that lets a node outside demo mode load a pathway whose webhooks point at this machine,
     * as the shipped pathway's do and as the test agencies (on loopback) need.
     */
    public static final java.util.Map<String, String> LOCAL_AGENCIES = java.util.Map.of("HOTLINE_ALLOW_LOCAL_WEBHOOKS", "true");

    private TestFiles() {}

    /**
     * A copy of the shipped flows (hotline and follow-up) without opening hours, so the journey does not depend on the hour the
     * tests run at (a flow without hours is always open).
     */
    public static Path alwaysOpenFlows(Path target) {
        try {
            copyTree(FLOWS, target);
            for (String flow : java.util.List.of("hotline.yaml", "followup.yaml", "survey.yaml")) {
                Path file = target.resolve(flow);
                String text = Files.readString(file);
                String withoutHours = text.replaceAll("(?m)^hours:\\n(?:^[ #].*\\n)*", "");
                if (withoutHours.equals(text)) {
                    throw new IllegalStateException(flow + " has no top-level hours block any more; update the test");
                }
                Files.writeString(file, withoutHours);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }

    private static Path findRepo() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("ivr-flows/flows"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
