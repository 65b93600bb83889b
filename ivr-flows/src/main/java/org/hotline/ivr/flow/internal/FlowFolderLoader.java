package org.hotline.ivr.flow.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hotline.ivr.flow.Flow;
import org.hotline.ivr.flow.FlowLoadResult;
import org.hotline.ivr.flow.FlowProblem;
import org.hotline.ivr.flow.FlowSet;
import org.hotline.ivr.flow.PromptCatalogue;

/** Reads a flows folder ({@code *.yaml} flows, {@code prompts/<language>.yaml} catalogues) and validates it. */
public final class FlowFolderLoader {

    private FlowFolderLoader() {}

    public static FlowLoadResult load(Path folder) {
        List<FlowProblem> problems = new ArrayList<>();
        Map<String, PromptCatalogue> catalogues = new LinkedHashMap<>();
        for (Path file : yamlFiles(folder.resolve("prompts"), problems)) {
            PromptCatalogue catalogue = CatalogueReader.read(file, problems);
            if (catalogue != null) {
                catalogues.put(catalogue.language(), catalogue);
            }
        }
        Map<String, Flow> flows = new LinkedHashMap<>();
        for (Path file : yamlFiles(folder, problems)) {
            Flow flow = FlowFileReader.read(file, problems);
            if (flow != null && flow.id() != null) {
                Flow clash = flows.put(flow.id(), flow.offering(catalogues.keySet()));
                if (clash != null) {
                    problems.add(new FlowProblem(file, 1, "flow id '" + flow.id() + "' is also used by "
                            + clash.source().getFileName()));
                }
            }
        }
        if (flows.isEmpty() && problems.isEmpty()) {
            problems.add(new FlowProblem(folder, 0, "no flow files (*.yaml) in " + folder));
        }
        for (Flow flow : flows.values()) {
            FlowValidator.validate(flow, catalogues, flows, problems);
        }
        return problems.isEmpty() ? new FlowLoadResult.Loaded(new FlowSet(flows, catalogues))
                : new FlowLoadResult.Rejected(problems);
    }

    private static List<Path> yamlFiles(Path folder, List<FlowProblem> problems) {
        if (!Files.isDirectory(folder)) {
            problems.add(new FlowProblem(folder, 0, "folder does not exist"));
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            problems.add(new FlowProblem(folder, 0, "cannot list: " + e.getMessage()));
            return List.of();
        }
    }
}
