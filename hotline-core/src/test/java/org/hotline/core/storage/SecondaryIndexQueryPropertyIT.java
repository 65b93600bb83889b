package org.hotline.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
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
 * The embedded store's non-unique indexes (kept in memory by {@link IdIndexedH2Backend}) change how a query finds
 * its documents, never what it finds: for any documents (values of the indexed type, missing, of another type, in
 * an array) and any query of equalities, {@code $in}, date ranges, {@code $and} and {@code $or}, with terms the
 * indexes cannot answer mixed in, finds (in stored order when unsorted), counts, claims, updates and deletes give
 * what the stock H2 backend gives, before and after the writes change the indexed values.
 */
class SecondaryIndexQueryPropertyIT {

    private static final List<Object> STATES = List.of("PENDING", "SENDING", "DELIVERED");
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final AtomicInteger COLLECTIONS = new AtomicInteger();
    private static BackendPair backends;

    @BeforeContainer
    static void start() throws Exception {
        backends = BackendPair.open("secondary-indexed");
    }

    @AfterContainer
    static void stop() {
        backends.close();
    }

    private static Date at(int minutes) {
        return Date.from(T0.plusSeconds(60L * minutes));
    }

    /** A stored document; a field of null is left out. */
    record Doc(int id, Object state, Object due, Boolean flag) {
        Document bson() {
            Document d = new Document("_id", "r" + id);
            if (state != null) {
                d.append("state", state);
            }
            if (due != null) {
                d.append("due", due);
            }
            return flag == null ? d : d.append("flag", flag);
        }
    }

    /** One condition; some the indexes answer, some ({@code $ne}, a number) they leave to the matcher. */
    static Arbitrary<Bson> leaf() {
        Arbitrary<String> state = Arbitraries.of("PENDING", "SENDING", "DELIVERED", "FAILED");
        Arbitrary<Integer> minute = Arbitraries.integers().between(-1, 6);
        return Arbitraries.oneOf(
                state.map(s -> Filters.eq("state", s)),
                Combinators.combine(state, state).as((a, b) -> Filters.in("state", a, b)),
                minute.map(m -> Filters.lte("due", at(m))),
                minute.map(m -> Filters.gt("due", at(m))),
                Combinators.combine(minute, minute).as((a, b) -> Filters.and(Filters.gte("due", at(a)),
                        Filters.lt("due", at(b)))),
                minute.map(m -> Filters.eq("due", at(m))),
                Arbitraries.of(true, false).map(b -> Filters.eq("flag", b)),
                state.map(s -> Filters.ne("state", s)),
                Arbitraries.of(1, 2).map(n -> Filters.eq("state", n)));
    }

    @Provide
    Arbitrary<Bson> queries() {
        Arbitrary<Bson> leaf = leaf();
        return Arbitraries.oneOf(leaf,
                Combinators.combine(leaf, leaf).as(Filters::and),
                Combinators.combine(leaf, leaf, leaf).as((a, b, c) -> Filters.or(Filters.and(a, b), c)),
                Combinators.combine(leaf, leaf, leaf).as((a, b, c) -> Filters.and(Filters.or(a, b), c)),
                Combinators.combine(Arbitraries.of(STATES), Arbitraries.integers().between(0, 5))
                        .as((s, m) -> (Bson) new Document("state", s).append("due", new Document("$lte", at(m)))));
    }

    @Provide
    Arbitrary<List<Doc>> docs() {
        Arbitrary<Object> state = Arbitraries.oneOf(Arbitraries.of(STATES), Arbitraries.just(null),
                Arbitraries.just(1), Arbitraries.just(List.of("PENDING", "DELIVERED")));
        Arbitrary<Object> due = Arbitraries.oneOf(Arbitraries.integers().between(0, 5).map(m -> (Object) at(m)),
                Arbitraries.just(null), Arbitraries.just("soon"));
        Arbitrary<Doc> doc = Combinators.combine(Arbitraries.integers().between(0, 30), state, due,
                Arbitraries.of(true, false).injectNull(0.3)).as(Doc::new);
        return doc.list().ofMaxSize(40).uniqueElements(Doc::id);
    }

    @Property(tries = 200)
    void shouldAnswerQueriesThroughTheInMemoryIndexesAsTheStockBackendDoes(@ForAll("docs") List<Doc> docs,
            @ForAll("queries") Bson query) {
        String name = "s" + COLLECTIONS.incrementAndGet();
        MongoCollection<Document> ours = seeded(backends.ours, name, docs);
        MongoCollection<Document> theirs = seeded(backends.stock, name, docs);

        assertSameAnswers(ours, theirs, query);
        // a claim: the first match by due date, its indexed fields changed
        FindOneAndUpdateOptions after = new FindOneAndUpdateOptions().sort(Sorts.ascending("due"))
                .returnDocument(ReturnDocument.AFTER);
        Bson claim = Updates.combine(Updates.set("state", "SENDING"), Updates.set("due", at(3)));
        assertThat(ours.findOneAndUpdate(query, claim, after)).isEqualTo(theirs.findOneAndUpdate(query, claim, after));
        Bson move = Updates.combine(Updates.set("due", at(1)), Updates.set("flag", true));
        assertThat(ours.updateMany(query, move).getModifiedCount())
                .isEqualTo(theirs.updateMany(query, move).getModifiedCount());
        assertThat(ours.deleteOne(query).getDeletedCount()).isEqualTo(theirs.deleteOne(query).getDeletedCount());
        // the indexes followed the writes
        assertSameAnswers(ours, theirs, query);
        assertThat(ours.find().into(new ArrayList<>())).isEqualTo(theirs.find().into(new ArrayList<>()));
    }

    private static void assertSameAnswers(MongoCollection<Document> ours, MongoCollection<Document> theirs,
            Bson query) {
        assertThat(ours.find(query).into(new ArrayList<>())).isEqualTo(theirs.find(query).into(new ArrayList<>()));
        assertThat(ours.find(query).sort(Sorts.descending("due")).into(new ArrayList<>()))
                .isEqualTo(theirs.find(query).sort(Sorts.descending("due")).into(new ArrayList<>()));
        assertThat(ours.find(query).limit(2).into(new ArrayList<>()))
                .isEqualTo(theirs.find(query).limit(2).into(new ArrayList<>()));
        assertThat(ours.countDocuments(query)).isEqualTo(theirs.countDocuments(query));
    }

    private static MongoCollection<Document> seeded(MongoStore store, String name, List<Doc> docs) {
        MongoCollection<Document> c = store.database().getCollection(name);
        c.createIndex(Indexes.ascending("state", "due"));
        c.createIndex(Indexes.ascending("flag"));
        if (!docs.isEmpty()) {
            c.insertMany(docs.stream().map(Doc::bson).toList());
        }
        return c;
    }
}
