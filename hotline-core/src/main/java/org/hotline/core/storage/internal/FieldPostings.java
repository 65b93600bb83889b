package org.hotline.core.storage.internal;

import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which documents hold which value in one top-level field, for {@link SecondaryIndex}: strings and booleans by
 * value, dates in order, and everything else (missing, null, numbers, arrays, documents) in one set that every
 * answer includes. An answer is a superset of the documents a condition on the field can match; the caller matches
 * the whole query on each. A string or a boolean is left out of a date's answer: the server, like MongoDB, compares
 * only values of like types ({@code SecondaryIndexQueryPropertyIT} stores all three kinds under one field). Not
 * thread-safe: its index guards it.
 */
final class FieldPostings {

    private static final Set<String> RANGES = Set.of("$lt", "$lte", "$gt", "$gte");

    private final Map<Object, Set<Object>> exact = new HashMap<>();
    private final NavigableMap<Instant, Set<Object>> times = new TreeMap<>();
    private final Set<Object> rest = new HashSet<>();

    void add(Object value, Object position) {
        Object key = key(value);
        if (key instanceof Instant time) {
            times.computeIfAbsent(time, t -> new HashSet<>()).add(position);
        } else if (key != null) {
            exact.computeIfAbsent(key, k -> new HashSet<>()).add(position);
        } else {
            rest.add(position);
        }
    }

    void remove(Object value, Object position) {
        Object key = key(value);
        if (key instanceof Instant time) {
            drop(times, time, position);
        } else if (key != null) {
            drop(exact, key, position);
        } else {
            rest.remove(position);
        }
    }

    void clear() {
        exact.clear();
        times.clear();
        rest.clear();
    }

    /**
     * The documents a condition on this field can match (with others), as disjoint parts; null when the condition
     * is of a kind not answered here (a regular expression, an embedded document, {@code $ne} alone, ...), so
     * that the query is answered by reading the collection as before.
     */
    Candidates candidates(Object condition) {
        if (condition instanceof Document operators && !operators.isEmpty()
                && operators.keySet().stream().allMatch(k -> k.startsWith("$"))) {
            return byOperators(operators);
        }
        return equalTo(condition);
    }

    private Candidates byOperators(Document operators) {
        Candidates best = null;
        if (operators.containsKey("$eq")) {
            best = Candidates.smaller(best, equalTo(operators.get("$eq")));
        }
        if (operators.get("$in") instanceof Collection<?> values) {
            best = Candidates.smaller(best, in(values));
        }
        if (operators.keySet().stream().anyMatch(RANGES::contains)) {
            best = Candidates.smaller(best, range(operators));
        }
        return best;
    }

    private Candidates equalTo(Object value) {
        Object key = key(value);
        if (key == null) {
            return null;
        }
        Set<Object> hits = key instanceof Instant time ? times.get(time) : exact.get(key);
        return hits == null ? new Candidates(List.of(rest)) : new Candidates(List.of(hits, rest));
    }

    private Candidates in(Collection<?> values) {
        List<Collection<Object>> parts = new ArrayList<>();
        parts.add(rest);
        for (Object key : new HashSet<>(values.stream().map(FieldPostings::key).toList())) {
            if (key == null) {
                return null;
            }
            Set<Object> hits = key instanceof Instant time ? times.get(time) : exact.get(key);
            if (hits != null) {
                parts.add(hits);
            }
        }
        return new Candidates(parts);
    }

    /** Dates only: string order differs between Java and BSON for some characters, so strings are not ranged. */
    private Candidates range(Document operators) {
        NavigableMap<Instant, Set<Object>> in = times;
        for (String op : RANGES) {
            if (!operators.containsKey(op)) {
                continue;
            }
            if (!(key(operators.get(op)) instanceof Instant bound)) {
                return null;
            }
            in = switch (op) {
                case "$lt" -> in.headMap(bound, false);
                case "$lte" -> in.headMap(bound, true);
                case "$gt" -> in.tailMap(bound, false);
                default -> in.tailMap(bound, true);
            };
        }
        List<Collection<Object>> parts = new ArrayList<>(in.values());
        parts.add(rest);
        return new Candidates(parts);
    }

    /** The value as this index keys it: a string, a boolean or an instant; null for anything else. */
    private static Object key(Object value) {
        return switch (value) {
            case String s -> s;
            case Boolean b -> b;
            case Instant i -> i;
            case Date d -> d.toInstant();
            case null, default -> null;
        };
    }

    private static <K> void drop(Map<K, Set<Object>> map, K key, Object position) {
        Set<Object> positions = map.get(key);
        if (positions != null && positions.remove(position) && positions.isEmpty()) {
            map.remove(key);
        }
    }

    /** Disjoint sets of positions whose union holds every document a condition can match. */
    record Candidates(List<? extends Collection<Object>> parts) {

        int size() {
            return parts.stream().mapToInt(Collection::size).sum();
        }

        static Candidates smaller(Candidates a, Candidates b) {
            if (a == null) {
                return b;
            }
            return b == null || a.size() <= b.size() ? a : b;
        }
    }
}
