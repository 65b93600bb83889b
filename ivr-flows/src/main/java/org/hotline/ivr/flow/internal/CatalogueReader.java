package org.hotline.ivr.flow.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.ivr.flow.FlowProblem;
import org.hotline.ivr.flow.Prompt;
import org.hotline.ivr.flow.PromptCatalogue;
import org.yaml.snakeyaml.nodes.Node;

/** Reads {@code prompts/<language>.yaml}: {@code language} and {@code prompts: {id: {file, text}}}. */
public final class CatalogueReader {

    private CatalogueReader() {}

    /** The catalogue in {@code file}, or null when it is not YAML; problems are collected. */
    public static PromptCatalogue read(Path file, List<FlowProblem> problems) {
        Node root = FlowFileReader.compose(file, problems);
        if (root == null) {
            return null;
        }
        YamlMap top = new YamlMap(file, root, problems, "catalogue");
        top.rejectUnknown(Set.of("language", "prompts"));
        String language = top.text("language");
        String expected = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        if (language != null && !language.equals(expected)) {
            top.problem(top.lineOf("language"), "catalogue: language '" + language + "' does not match file name '"
                    + expected + "'");
        }
        Map<String, Prompt> prompts = new LinkedHashMap<>();
        YamlMap entries = top.map("prompts");
        if (entries == null) {
            top.problem(top.line(), "catalogue: missing 'prompts'");
        } else {
            for (String id : entries.keys()) {
                YamlMap entry = entries.map(id);
                entry.rejectUnknown(Set.of("file", "text"));
                String text = entry.text("text");
                String sound = entry.optionalText("file", "hotline/" + id);
                prompts.put(id, new Prompt(id, sound, text, entries.lineOf(id)));
            }
        }
        return new PromptCatalogue(language == null ? expected : language, prompts, file);
    }
}
