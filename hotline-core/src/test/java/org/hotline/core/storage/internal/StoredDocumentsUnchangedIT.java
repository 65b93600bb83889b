package org.hotline.core.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVMap;
import org.hotline.core.storage.MongoStore;

/**
 * The embedded store never changes a stored document object in place: whatever updates run over the driver (fields
 * set and unset as a referral's lease and finish do, counters, pushes, replacements, by one id or many), every
 * document object its map held before an update is, after it, as it was. H2 writes the map's pages in the
 * background from those very objects, so one changed in place could reach the file half changed.
 */
class StoredDocumentsUnchangedIT {

    private static final int DOCS = 6;

    /** One update: which documents, and what it does to them. */
    record Step(int id, boolean many, int kind) {}

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, DOCS - 1),
                Arbitraries.of(true, false), Arbitraries.integers().between(0, 5)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 25)
    void shouldLeaveEveryStoredDocumentObjectAsItWasThroughAnyUpdate(@ForAll("steps") List<Step> steps)
            throws IOException {
        Path dir = Files.createTempDirectory("stored-docs");
        IdIndexedH2Backend backend = new IdIndexedH2Backend(dir.resolve("mongo.mv").toString());
        MongoServer server = new MongoServer(backend);
        try (MongoStore store = MongoStore.external("mongodb://127.0.0.1:" + server.bind().getPort(), "t",
                Duration.ofSeconds(5))) {
            MongoCollection<Document> referrals = store.database().getCollection("referrals");
            for (int i = 0; i < DOCS; i++) {
                referrals.insertOne(new Document("_id", "r" + i).append("state", "PENDING").append("n", i)
                        .append("leaseOwner", "node-" + i).append("attempts", new ArrayList<>()));
            }
            MVMap<Object, de.bwaldvogel.mongo.bson.Document> map =
                    backend.getMvStore().openMap("databases.t.referrals");

            for (Step step : steps) {
                Map<de.bwaldvogel.mongo.bson.Document, de.bwaldvogel.mongo.bson.Document> before =
                        new IdentityHashMap<>();
                map.values().forEach(stored -> before.put(stored, stored.cloneDeeply()));

                apply(referrals, step);

                before.forEach((stored, snapshot) ->
                        assertThat(stored).as("a stored document after %s", step).isEqualTo(snapshot));
            }
            assertThat(referrals.countDocuments()).isEqualTo(DOCS);
        } finally {
            server.shutdownNow();
            backend.close();
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static void apply(MongoCollection<Document> referrals, Step step) {
        Bson which = step.many() ? Filters.gte("n", step.id()) : Filters.eq("_id", "r" + step.id());
        switch (step.kind()) {
            case 0 -> update(referrals, step, which, Updates.combine(Updates.set("state", "SENDING"),
                    Updates.set("leaseOwner", "node-x"), Updates.set("leaseToken", "t" + step.id())));
            case 1 -> update(referrals, step, which, Updates.combine(Updates.set("state", "DELIVERED"),
                    Updates.unset("leaseOwner"), Updates.unset("leaseToken"),
                    Updates.push("attempts", new Document("ok", true))));
            case 2 -> update(referrals, step, which, Updates.inc("attemptCount", 1));
            case 3 -> update(referrals, step, which, Updates.unset("state"));
            case 4 -> referrals.findOneAndUpdate(which, Updates.combine(Updates.unset("leaseOwner"),
                    Updates.set("state", "X")), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            default -> referrals.replaceOne(Filters.eq("_id", "r" + step.id()), new Document("state", "REPLACED")
                    .append("n", step.id()));
        }
    }

    private static void update(MongoCollection<Document> referrals, Step step, Bson which, Bson update) {
        if (step.many()) {
            referrals.updateMany(which, update);
        } else {
            referrals.updateOne(which, update);
        }
    }
}
