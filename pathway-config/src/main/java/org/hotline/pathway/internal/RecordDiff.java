package org.hotline.pathway.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Describes how two versions of a record differ, component by component ("kind: shelter -> ngo"),
 * descending into nested records so a changed webhook URL is named as such rather than as "agency changed".
 */
public final class RecordDiff {

    private RecordDiff() {}

    public static List<String> describe(Record before, Record after) {
        var out = new ArrayList<String>();
        collect("", before, after, out);
        return out;
    }

    private static void collect(String prefix, Object before, Object after, List<String> out) {
        if (Objects.equals(before, after)) {
            return;
        }
        if (before instanceof Record b && after instanceof Record a && b.getClass() == a.getClass()) {
            for (RecordComponent c : b.getClass().getRecordComponents()) {
                var name = prefix.isEmpty() ? snake(c.getName()) : prefix + "." + snake(c.getName());
                collect(name, value(c, b), value(c, a), out);
            }
            return;
        }
        if (before instanceof List<?> b && after instanceof List<?> a) {
            list(prefix, b, a, out);
            return;
        }
        out.add((prefix.isEmpty() ? "value" : prefix) + ": " + text(before) + " -> " + text(after));
    }

    /** Lists of records of equal length are compared by position; other lists by what was added or removed. */
    private static void list(String prefix, List<?> before, List<?> after, List<String> out) {
        if (before.size() == after.size() && before.stream().allMatch(Record.class::isInstance)) {
            for (int i = 0; i < before.size(); i++) {
                collect(prefix + "[" + i + "]", before.get(i), after.get(i), out);
            }
            return;
        }
        var added = after.stream().filter(x -> !before.contains(x)).toList();
        var removed = before.stream().filter(x -> !after.contains(x)).toList();
        var parts = new ArrayList<String>();
        if (!added.isEmpty()) {
            parts.add("added " + added);
        }
        if (!removed.isEmpty()) {
            parts.add("removed " + removed);
        }
        if (parts.isEmpty()) {
            parts.add("order " + before + " -> " + after);
        }
        out.add(prefix + ": " + String.join(", ", parts));
    }

    private static Object value(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName(), e);
        }
    }

    private static String text(Object value) {
        return value == null ? "(none)" : value.toString();
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
