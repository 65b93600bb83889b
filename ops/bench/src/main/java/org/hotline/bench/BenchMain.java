package org.hotline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hotline.bench.ivr.DatabaseMode;
import org.hotline.bench.report.BenchReport;
import org.hotline.bench.report.MarkdownReport;
import org.hotline.bench.report.ReportFiles;

/**
 * {@code ./hotline bench [--full|--smoke] [--only ivr,intake,dispatch,pathway,text,danger] [--out DIR]
 * [--dispatch-rate TIPS_PER_SECOND] [--calls N,N...] [--db embedded,separate,split]}: runs the
 * benchmarks with their baselines on loopback, writes {@code latest.json} and {@code latest.md} to the results
 * folder (default {@code ops/bench/results}) and prints the Markdown. Exit 2 on bad arguments.
 */
public final class BenchMain {

    private BenchMain() {}

    /** Parsed command line. */
    record Args(BenchPlan plan, Set<String> kinds, Path out) {

        static Args parse(String[] args, Path repo) {
            BenchPlan plan = BenchPlan.quick();
            Set<String> kinds = new LinkedHashSet<>(Arrays.asList("ivr", "intake", "dispatch", "pathway", "text",
                    "danger"));
            Path out = repo.resolve("ops/bench/results");
            Double rate = null;
            List<Integer> calls = null;
            List<DatabaseMode> databases = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--full" -> plan = BenchPlan.full();
                    case "--short" -> plan = BenchPlan.quick();
                    case "--smoke" -> plan = BenchPlan.smoke();
                    case "--only" -> kinds = kinds(value(args, ++i, "--only"));
                    case "--out" -> out = Path.of(value(args, ++i, "--out"));
                    case "--dispatch-rate" -> rate = number(value(args, ++i, "--dispatch-rate"));
                    case "--calls" -> calls = callCounts(value(args, ++i, "--calls"));
                    case "--db" -> databases = DatabaseMode.parse(value(args, ++i, "--db"));
                    default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
                }
            }
            if (rate != null) {
                plan = plan.withDispatchRate(rate);
            }
            if (databases != null) {
                plan = plan.withDatabases(databases);
            }
            return new Args(calls == null ? plan : plan.withIvrSteps(calls), kinds, out);
        }

        private static double number(String text) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--dispatch-rate needs a number, got '" + text + "'");
            }
        }

        private static List<Integer> callCounts(String list) {
            try {
                return Arrays.stream(list.split(",")).map(String::trim).map(Integer::valueOf).toList();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--calls needs call counts like 1000 or 100,1000, got '" + list + "'");
            }
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length || args[i].startsWith("--")) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static Set<String> kinds(String list) {
            Set<String> kinds = new LinkedHashSet<>(Arrays.asList(list.split(",")));
            for (String k : kinds) {
                if (!BenchRun.KINDS.contains(k)) {
                    throw new IllegalArgumentException("unknown benchmark '" + k + "' (known: " + BenchRun.KINDS + ")");
                }
            }
            return kinds;
        }
    }

    public static void main(String[] argv) throws Exception {
        // Per-tip and per-call info lines would drown the figures (and cost time inside them).
        System.setProperty("hotline.log.level", "warn");
        Path repo = BenchFiles.repoRoot(Path.of(""));
        Args args;
        try {
            args = Args.parse(argv, repo);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println("usage: ./hotline bench [--full|--smoke] [--only ivr,intake,dispatch,pathway,text,danger]"
                    + " [--out DIR] [--dispatch-rate TIPS_PER_SECOND] [--calls N,N...] [--db embedded,separate,split]");
            System.exit(2);
            return;
        }
        Path work = Files.createTempDirectory("hotline-bench-");
        long start = System.nanoTime();
        try {
            BenchReport report = BenchRun.run(args.plan(), args.kinds(), repo, work,
                    line -> System.err.printf("bench [%5.1f s] %s%n", (System.nanoTime() - start) / 1e9, line));
            ReportFiles.write(report, args.out());
            System.out.println(MarkdownReport.render(report));
            System.out.printf("bench: done in %.0f s; results in %s%n", (System.nanoTime() - start) / 1e9,
                    args.out().resolve(ReportFiles.JSON));
        } finally {
            deleteTree(work);
        }
        System.exit(0);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
