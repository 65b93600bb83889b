package org.hotline.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hotline.core.storage.internal.IdIndexedH2Backend;

/**
 * The embedded store's backend ({@link IdIndexedH2Backend}) answers every query on {@code _id} and other fields
 * exactly as the stock H2 backend does, which reads the whole collection for them: finds, conditional updates,
 * claims and deletes, over real sockets through the MongoDB driver, on any documents and any such query.
 */
class IdIndexedQueryPropertyIT {

    private static final List<String> STATES = List.of("PENDING", "SENDING", "DELIVERED");
    private static final AtomicInteger COLLECTIONS = new AtomicInteger();
    private static BackendPair backends;

    @BeforeContainer
    static void start() throws Exception {
        backends = BackendPair.open("id-indexed");
    }

    @AfterContainer
    static void stop() {
        backends.close();
    }

    /** A stored document: a small id space, so that queries hit, miss and repeat ids. */
    record Doc(int id, String state, int step) {
        Document bson() {
            return new Document("_id", "r" + id).append("state", state).append("step", step);
        }
    }

    /**
     * A query on {@code _id} (one value or a list) and the state, optionally the step, as the driver's
     * {@code Filters.and} sends it ({@code $and}) or as one flat document.
     */
    record Query(List<Integer> ids, boolean byList, String state, Integer step, boolean flat) {
        Bson filter() {
            Object id = byList ? new Document("$in", ids.stream().map(i -> "r" + i).toList()) : "r" + ids.get(0);
            Document s = new Document("$in", List.of(state, "other"));
            if (flat) {
                Document query = new Document("_id", id).append("state", s);
                return step == null ? query : query.append("step", new Document("$lt", step));
            }
            Bson byId = Filters.eq("_id", id);
            Bson byState = Filters.in("state", state, "other");
            return step == null ? Filters.and(byId, byState) : Filters.and(byId, byState, Filters.lt("step", step));
        }
    }

    @Provide
    Arbitrary<List<Doc>> docs() {
        Arbitrary<Doc> doc = Combinators.combine(Arbitraries.integers().between(0, 30), Arbitraries.of(STATES),
                Arbitraries.integers().between(0, 5)).as(Doc::new);
        return doc.list().ofMaxSize(40).uniqueElements(Doc::id);
    }

    @Provide
    Arbitrary<Query> queries() {
        return Combinators.combine(Arbitraries.integers().between(0, 32).list().ofMinSize(1).ofMaxSize(4),
                Arbitraries.of(true, false), Arbitraries.of(STATES), Arbitraries.integers().between(0, 6).injectNull(0.5),
                Arbitraries.of(true, false)).as(Query::new);
    }

    @Property(tries = 150)
    void shouldAnswerQueriesOnIdAndOtherFieldsAsTheStockBackendDoes(@ForAll("docs") List<Doc> docs,
            @ForAll("queries") Query query) {
        String name = "c" + COLLECTIONS.incrementAndGet();
        MongoCollection<Document> ours = seeded(backends.ours, name, docs);
        MongoCollection<Document> theirs = seeded(backends.stock, name, docs);

        // reads
        assertThat(find(ours, query)).isEqualTo(find(theirs, query));
        assertThat(ours.countDocuments(query.filter())).isEqualTo(theirs.countDocuments(query.filter()));
        // a claim: the first match, sorted, changed and returned
        FindOneAndUpdateOptions after = new FindOneAndUpdateOptions().sort(Sorts.descending("step"))
                .returnDocument(ReturnDocument.AFTER);
        Bson claim = Updates.combine(Updates.set("state", "SENDING"), Updates.inc("step", 1));
        assertThat(ours.findOneAndUpdate(query.filter(), claim, after))
                .isEqualTo(theirs.findOneAndUpdate(query.filter(), claim, after));
        // conditional writes
        Bson mark = Updates.set("marked", true);
        assertThat(ours.updateMany(query.filter(), mark).getModifiedCount())
                .isEqualTo(theirs.updateMany(query.filter(), mark).getModifiedCount());
        assertThat(ours.deleteOne(query.filter()).getDeletedCount())
                .isEqualTo(theirs.deleteOne(query.filter()).getDeletedCount());
        // and what is left afterwards, document for document
        assertThat(all(ours)).isEqualTo(all(theirs));
    }

    private static MongoCollection<Document> seeded(MongoStore store, String name, List<Doc> docs) {
        MongoCollection<Document> c = store.database().getCollection(name);
        if (!docs.isEmpty()) {
            c.insertMany(docs.stream().map(Doc::bson).toList());
        }
        return c;
    }

    private static List<Document> find(MongoCollection<Document> c, Query q) {
        return c.find(q.filter()).sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    private static List<Document> all(MongoCollection<Document> c) {
        return c.find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }
}
