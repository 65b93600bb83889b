package org.hotline.pathway.internal;

import java.util.Map;
import org.hotline.pathway.LoadOptions;
import org.hotline.pathway.LoadResult;

/** Parse, lint, compile, then the checks that need the compiled pathway: the loading pipeline. */
public final class PathwayCompiler {

    private PathwayCompiler() {}

    public static LoadResult load(String yamlText, String sourceName, Map<String, String> env, LoadOptions options) {
        var problems = new Problems(sourceName);
        var definition = DefinitionParser.parse(yamlText, problems, Map.copyOf(env), options);
        if (definition == null) {
            return new LoadResult.Invalid(problems.sorted());
        }
        new DirectoryLint(definition, problems).run();
        new RuleLint(definition, problems).run();
        if (problems.hasErrors()) {
            return new LoadResult.Invalid(problems.sorted());
        }
        var pathway = new CompiledPathway(definition);
        new CoverageLint(pathway, problems).run();
        if (problems.hasErrors()) {
            return new LoadResult.Invalid(problems.sorted());
        }
        return new LoadResult.Valid(pathway, problems.sorted().stream().filter(p -> !p.isError()).toList());
    }

}
