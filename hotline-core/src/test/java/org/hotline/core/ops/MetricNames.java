package org.hotline.core.ops;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Metric names on both sides of the monitoring contract: what a scrape exports, what PromQL refers to. */
final class MetricNames {

    private static final Pattern TYPE_LINE = Pattern.compile("(?m)^# TYPE (\\S+) (counter|gauge|histogram|summary|untyped)$");
    /** Our own metrics and the JVM/process ones the hotspot collectors export. */
    private static final Pattern REFERENCE = Pattern.compile(
            "(?<![A-Za-z0-9_:\"])((?:hotline|jvm|process)_[a-z0-9_]+|up)(?![A-Za-z0-9_:\"(])");

    private MetricNames() {}

    /**
     * Every sample name a Prometheus text scrape can contain, from its TYPE lines, so that series with no
     * samples yet (labelled metrics nobody has touched) count too: histograms add {@code _bucket},
     * {@code _sum} and {@code _count}, summaries {@code _sum} and {@code _count}, counters {@code _total}.
     */
    static Set<String> exported(String scrape) {
        Set<String> names = new TreeSet<>();
        Matcher m = TYPE_LINE.matcher(scrape);
        while (m.find()) {
            String name = m.group(1);
            switch (m.group(2)) {
                case "histogram" -> names.addAll(Set.of(name + "_bucket", name + "_sum", name + "_count"));
                case "summary" -> names.addAll(Set.of(name, name + "_sum", name + "_count"));
                case "counter" -> names.add(name.endsWith("_total") ? name : name + "_total");
                default -> names.add(name);
            }
        }
        return names;
    }

    /** The metric names a PromQL expression selects (label names, functions and quoted values excluded). */
    static Set<String> referenced(String promql) {
        String withoutLabels = promql.replaceAll("\\{[^}]*}", "{}").replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", "");
        Set<String> names = new TreeSet<>();
        Matcher m = REFERENCE.matcher(withoutLabels);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
