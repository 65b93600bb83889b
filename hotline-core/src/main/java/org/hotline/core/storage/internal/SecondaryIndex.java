package org.hotline.core.storage.internal;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.core.storage.internal.FieldPostings.Candidates;

/**
 * A non-unique index the service declares ({@code createIndex} without {@code unique}), which the stock embedded
 * server ignores, kept in memory for the embedded store: each top-level key of it on its own
 * ({@link FieldPostings}), built from the stored documents when the store opens and kept by every insert, update
 * and delete. It answers a query with the documents that can match it (a superset); the collection matches the
 * whole query on each, so results are the stock backend's, found without reading every document. Without it, the
 * outbox poll and the deadline sweep read every referral ever made, each second
 * (docs/BENCHMARKS.md, fourteenth session).
 */
final class SecondaryIndex extends Index<Object> {

    private static final String ID = "_id";

    private final Map<String, FieldPostings> fields = new LinkedHashMap<>();
    private long count;

    SecondaryIndex(String name, List<IndexKey> keys) {
        super(name, keys, false);
        for (IndexKey key : keys) {
            // a dotted key reaches into embedded documents and arrays: not kept, its queries read the collection
            if (!key.getKey().contains(".")) {
                fields.put(key.getKey(), new FieldPostings());
            }
        }
    }

    /** How H2Collection keys a document: its {@code _id}. */
    @Override
    public Object getPosition(Document document) {
        return Missing.ofNullable(document.get(ID));
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        fields.forEach((field, postings) -> postings.add(document.get(field), position));
        count++;
    }

    @Override
    public synchronized Object remove(Document document) {
        Object position = getPosition(document);
        fields.forEach((field, postings) -> postings.remove(document.get(field), position));
        count--;
        return position;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
            MongoCollection<Object> collection) {
        fields.forEach((field, postings) -> {
            postings.remove(oldDocument.get(field), position);
            postings.add(newDocument.get(field), position);
        });
    }

    @Override
    public boolean canHandle(Document query) {
        return candidates(query) != null;
    }

    /** The positions of the documents that can match, in no particular order; the collection orders them. */
    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
        Candidates candidates = candidates(query);
        if (candidates == null) {
            throw new IllegalArgumentException("index " + getName() + " cannot answer " + query);
        }
        Set<Object> out = new LinkedHashSet<>();
        candidates.parts().forEach(out::addAll);
        return out;
    }

    /**
     * What this index can narrow the query to, or null when it cannot: a condition on a kept key, at the top
     * level or in a top-level {@code $and} (one conjunct is enough), or a top-level {@code $or} whose every branch
     * it can narrow. Other operators at the top level are conjuncts it leaves to the matcher.
     */
    synchronized Candidates candidates(Document query) {
        Candidates best = null;
        for (Map.Entry<String, Object> term : query.entrySet()) {
            String key = term.getKey();
            if (key.equals("$and") && term.getValue() instanceof Collection<?> conjuncts) {
                for (Object conjunct : conjuncts) {
                    if (conjunct instanceof Document d) {
                        best = Candidates.smaller(best, candidates(d));
                    }
                }
            } else if (key.equals("$or") && term.getValue() instanceof Collection<?> branches) {
                best = Candidates.smaller(best, union(branches));
            } else if (fields.containsKey(key)) {
                best = Candidates.smaller(best, fields.get(key).candidates(term.getValue()));
            }
        }
        return best;
    }

    private Candidates union(Collection<?> branches) {
        List<Collection<Object>> parts = new ArrayList<>();
        for (Object branch : branches) {
            Candidates c = branch instanceof Document d ? candidates(d) : null;
            if (c == null) {
                return null;
            }
            parts.addAll(c.parts());
        }
        return new Candidates(parts);
    }

    @Override
    public synchronized long getCount() {
        return count;
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public synchronized void drop() {
        fields.values().forEach(FieldPostings::clear);
        count = 0;
    }
}
