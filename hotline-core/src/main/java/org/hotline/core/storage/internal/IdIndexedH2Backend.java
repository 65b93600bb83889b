package org.hotline.core.storage.internal;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The embedded server's H2 backend, with changes to how a query finds its documents, never to what it finds, and
 * with every document a query gives out a copy, so that an update never changes a stored document in place.
 * A query on {@code _id} and other fields ({@code {$and: [{_id: x}, {state: "PENDING"}]}}, as every claim, lease
 * check and conditional update has) finds its documents through the {@code _id} index and matches the rest on
 * them. The stock backend uses an index only when the query has exactly the index's fields, so each of those
 * queries read and deserialised every document of the collection: a claim of one referral cost a read of all
 * referrals, a tip marked routed a read of all tips. Results are the same (the whole query is still matched on
 * every document the index gives); only the search is shorter.
 * Any other query that a non-unique index the service declared can narrow goes through that index, kept in memory
 * ({@link SecondaryIndex}; the stock server ignores such indexes). Stored data is untouched: the same file opens
 * with either backend. Its unique indexes compare their keys through {@link IndexKeyType}, in the stock order
 * without serialising them at every comparison.
 */
public final class IdIndexedH2Backend extends H2Backend {

    private static final String ID = "_id";
    /**
     * Between a collection's namespace and an index's name in the name of the index's map, as H2Database names it
     * (privately); {@code IndexKeyWiringIT} fails should a new version of the library name it otherwise.
     */
    static final String INDEX_MAP_INFIX = "._index_";

    public IdIndexedH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    private static final class Database extends H2Database {

        /**
         * H2Database keeps its store private and opens the existing collections from its own constructor, before
         * a field of this subclass could be set; its field is read instead. Fails at class load (every embedded
         * start) should a new version of the library rename it.
         */
        private static final VarHandle STORE;

        static {
            try {
                STORE = MethodHandles.privateLookupIn(H2Database.class, MethodHandles.lookup())
                        .findVarHandle(H2Database.class, "mvStore", MVStore.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        Database(String name, MVStore store, CursorRegistry cursors) {
            super(name, store, cursors);
        }

        /**
         * Opens the index's map with {@link IndexKeyType} before the stock code opens it by name (and so gets this
         * one): the same map, the same keys in the same order, compared without serialising them each time.
         */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                java.util.List<de.bwaldvogel.mongo.backend.IndexKey> keys, boolean sparse) {
            MVStore store = (MVStore) STORE.get(this);
            store.openMap(getFullCollectionNamespace(collectionName) + INDEX_MAP_INFIX + indexName,
                    new MVMap.Builder<de.bwaldvogel.mongo.backend.KeyValue, Object>().keyType(new IndexKeyType()));
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }

        /**
         * A non-unique index is kept in memory ({@link SecondaryIndex}) where the stock server ignores it; a sparse
         * one is still ignored (a sparse index leaves documents out, and so could not answer for them).
         */
        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                java.util.List<de.bwaldvogel.mongo.backend.IndexKey> keys, boolean sparse) {
            return sparse ? super.openOrCreateSecondaryIndex(collectionName, indexName, keys, true)
                    : new SecondaryIndex(indexName, keys);
        }

        @Override
        protected de.bwaldvogel.mongo.MongoCollection<Object> openOrCreateCollection(String name,
                CollectionOptions options) {
            // the map names H2Database gives a collection, so that files written by either backend open in both
            String full = getFullCollectionNamespace(name);
            MVStore store = (MVStore) STORE.get(this);
            MVMap<Object, Document> data = store.openMap("databases." + full);
            MVMap<String, Object> meta = store.openMap("meta." + full);
            return new Collection(this, name, options, data, meta, cursorRegistry);
        }
    }

    private static final class Collection extends H2Collection {

        /** The order of the collection's documents (by {@code _id}), in which a full read would find them. */
        private final java.util.Comparator<Object> stored;

        Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
                MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
            this.stored = data.getKeyType()::compare;
        }

        /**
         * The documents a query finds, each a copy of the stored one. The library's update changes the document the
         * query gave it (removes the fields it unsets; with {@code updateMany} and {@code findAndModify} it took the
         * new values too) before it stores the new document; were that the stored object, H2's background commit
         * could be writing it at that moment (its pages share the object) and write a document whose fields and
         * field count disagree.
         */
        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                int batchSize, Document projection) {
            QueryResult found = find(query, orderBy, numberToSkip, limit, batchSize, projection);
            java.util.List<Document> copies = new java.util.ArrayList<>();
            found.forEach(doc -> copies.add(doc.clone()));
            return new QueryResult(copies, found.getCursorId());
        }

        private QueryResult find(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                Document projection) {
            Document byId = idPart(query);
            if (byId != null) {
                for (Index<Object> index : getIndexes()) {
                    if (index.canHandle(byId)) {
                        return matchDocuments(query, index.getPositions(byId), orderBy, numberToSkip, limit,
                                batchSize, projection);
                    }
                }
            }
            SecondaryIndex narrowest = narrowest(query);
            if (narrowest != null) {
                java.util.List<Object> positions = new java.util.ArrayList<>();
                narrowest.getPositions(query).forEach(positions::add);
                // in stored order, so that a query without a sort returns what a full read would, in that order
                positions.sort(stored);
                return matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, projection);
            }
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, projection);
        }

        /** The secondary index that narrows the query to the fewest documents, or null when none can. */
        private SecondaryIndex narrowest(Document query) {
            SecondaryIndex best = null;
            int fewest = Integer.MAX_VALUE;
            for (Index<Object> index : getIndexes()) {
                if (index instanceof SecondaryIndex secondary) {
                    var candidates = secondary.candidates(query);
                    if (candidates != null && candidates.size() < fewest) {
                        best = secondary;
                        fewest = candidates.size();
                    }
                }
            }
            return best;
        }

        /**
         * The query's condition on {@code _id} alone, when the query is that condition and more, at its top level
         * ({@code {_id: x, state: s}}) or as one term of a top-level {@code $and} (how the driver's
         * {@code Filters.and} sends it); otherwise null.
         */
        private static Document idPart(Document query) {
            if (query.size() > 1 && query.containsKey(ID)) {
                return new Document(ID, query.get(ID));
            }
            if (query.get("$and") instanceof java.util.List<?> terms) {
                for (Object term : terms) {
                    if (term instanceof Document d && d.size() == 1 && d.containsKey(ID)) {
                        return d;
                    }
                }
            }
            return null;
        }
    }
}
