package org.hotline.pathway.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.pathway.CoverageMatrix;
import org.hotline.pathway.LoadResult;
import org.hotline.pathway.Pathway;
import org.hotline.pathway.PathwayDiff;
import org.hotline.pathway.PathwayLoader;
import org.hotline.pathway.PathwaySimulator;
import org.hotline.pathway.Problem;
import org.hotline.pathway.SampleTips;

/**
 * {@code hotline pathway validate FILE | simulate FILE TIPS | diff A B [--tips TIPS] | coverage FILE}.
 * Exit status: 0 fine, 1 problems in a file, 2 usage error (bad arguments, unreadable file).
 */
public final class PathwayCli {

    public static final int OK = 0;
    public static final int PROBLEMS = 1;
    public static final int USAGE = 2;

    static final String USAGE_TEXT = """
            usage: hotline pathway validate FILE
                   hotline pathway simulate FILE TIPS_FILE
                   hotline pathway diff FILE_A FILE_B [--tips TIPS_FILE]
                   hotline pathway coverage FILE""";

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    PathwayCli(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /** Runs one command; returns the exit status instead of exiting (for tests and the launcher). */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        try {
            return new PathwayCli(out, err, env).dispatch(List.of(args));
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
    }

    private int dispatch(List<String> args) {
        if (args.isEmpty()) {
            throw new UsageException("no command given");
        }
        var rest = args.subList(1, args.size());
        return switch (args.getFirst()) {
            case "validate" -> validate(exactly(rest, 1));
            case "simulate" -> simulate(exactly(rest, 2));
            case "diff" -> diff(rest);
            case "coverage" -> coverage(exactly(rest, 1));
            case "help", "--help", "-h" -> {
                out.println(USAGE_TEXT);
                yield OK;
            }
            default -> throw new UsageException("unknown command '" + args.getFirst() + "'");
        };
    }

    private int validate(List<String> files) {
        var result = load(files.getFirst());
        if (result instanceof LoadResult.Valid valid) {
            var p = valid.pathway();
            var def = p.definition();
            out.printf("%s: valid - pathway %s version %s: %d regions, %d agencies, %d profiles, %d rules,"
                            + " %d transnational rules, %d warning(s)%n", files.getFirst(), p.id(), p.version(),
                    def.regions().size(), def.agencies().size(), def.profiles().size(), def.rules().size(),
                    def.transnational().size(), valid.warnings().size());
        }
        return exitOf(result);
    }

    private int simulate(List<String> files) {
        var pathway = pathway(load(files.get(0)));
        var tips = tips(files.get(1));
        if (pathway == null || tips == null) {
            return PROBLEMS;
        }
        new SimulationReport(out).print(pathway, PathwaySimulator.simulate(pathway, tips));
        return OK;
    }

    private int diff(List<String> args) {
        var files = new ArrayList<String>();
        String tipsFile = null;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--tips")) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("--tips needs a file");
                }
                tipsFile = args.get(++i);
            } else {
                files.add(args.get(i));
            }
        }
        exactly(files, 2);
        var from = pathway(load(files.get(0)));
        var to = pathway(load(files.get(1)));
        var tips = tipsFile == null ? List.<Map<String, Object>>of() : tips(tipsFile);
        if (from == null || to == null || tips == null) {
            return PROBLEMS;
        }
        new DiffReport(out).print(PathwayDiff.compare(from, to, tips), tipsFile != null);
        return OK;
    }

    private int coverage(List<String> files) {
        var pathway = pathway(load(files.getFirst()));
        if (pathway == null) {
            return PROBLEMS;
        }
        new CoverageReport(out).print(pathway, CoverageMatrix.of(pathway));
        return OK;
    }

    /** Loads a pathway file and prints its problems; warnings do not fail the command. */
    private LoadResult load(String file) {
        var result = PathwayLoader.load(read(file), file, env);
        switch (result) {
            case LoadResult.Valid v -> v.warnings().forEach(out::println);
            case LoadResult.Invalid i -> {
                i.problems().forEach(err::println);
                err.printf("%s: INVALID - %d error(s)%n", file, i.problems().stream().filter(Problem::isError).count());
            }
        }
        return result;
    }

    private int exitOf(LoadResult result) {
        return result instanceof LoadResult.Valid ? OK : PROBLEMS;
    }

    private static Pathway pathway(LoadResult result) {
        return result instanceof LoadResult.Valid v ? v.pathway() : null;
    }

    private List<Map<String, Object>> tips(String file) {
        return switch (SampleTips.parse(read(file), file)) {
            case SampleTips.Result.Parsed p -> p.tips();
            case SampleTips.Result.Invalid i -> {
                i.problems().forEach(err::println);
                err.printf("%s: INVALID tips file%n", file);
                yield null;
            }
        };
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getClass().getSimpleName());
        }
    }

    private static List<String> exactly(List<String> args, int n) {
        if (args.size() != n) {
            throw new UsageException("expected " + n + " file argument(s) but got " + args.size());
        }
        return args;
    }

    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
