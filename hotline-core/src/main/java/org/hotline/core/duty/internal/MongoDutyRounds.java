package org.hotline.core.duty.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hotline.core.duty.DutyRound;
import org.hotline.core.duty.DutyRounds;

/** Duty rounds in the {@code duty_rounds} collection, one document per case reference. */
public final class MongoDutyRounds implements DutyRounds {

    private static final String COLLECTION = "duty_rounds";

    private final MongoCollection<Document> rounds;

    public MongoDutyRounds(MongoDatabase database) {
        this.rounds = database.getCollection(COLLECTION);
    }

    /** The index the search for stalled rounds ({@link #expired}, every half minute) goes through. */
    public void ensureIndexes() {
        rounds.createIndex(Indexes.ascending("state", "leaseUntil"));
    }

    @Override
    public Optional<DutyRound> start(String reference, String node, Instant now, Instant leaseUntil) {
        Document fresh = new Document("_id", reference).append("index", 0).append("state", DutyRound.State.RINGING.name())
                .append("node", node).append("leaseUntil", Date.from(leaseUntil)).append("round", 1)
                .append("startedAt", Date.from(now)).append("steps", List.of());
        try {
            rounds.insertOne(fresh);
            return Optional.of(round(fresh));
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        // a round that ran out starts again for a new IMMEDIATE referral of the same case
        Document again = rounds.findOneAndUpdate(and(eq("_id", reference), eq("state", DutyRound.State.EXHAUSTED.name())),
                combine(set("index", 0), set("state", DutyRound.State.RINGING.name()), set("node", node),
                        set("leaseUntil", Date.from(leaseUntil)), inc("round", 1), set("startedAt", Date.from(now))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(again).map(MongoDutyRounds::round);
    }

    @Override
    public boolean advance(String reference, int fromIndex, int toIndex, String node, Instant now, Instant leaseUntil,
            String outcome) {
        return rounds.updateOne(ringingAt(reference, fromIndex), combine(set("index", toIndex), set("node", node),
                set("leaseUntil", Date.from(leaseUntil)), step(fromIndex, now, outcome))).getModifiedCount() == 1;
    }

    @Override
    public boolean finish(String reference, int index, DutyRound.State state, Instant now, String outcome) {
        return rounds.updateOne(ringingAt(reference, index), combine(set("state", state.name()),
                set("endedAt", Date.from(now)), step(index, now, outcome))).getModifiedCount() == 1;
    }

    @Override
    public List<DutyRound> expired(Instant now) {
        return rounds.find(and(eq("state", DutyRound.State.RINGING.name()), lte("leaseUntil", Date.from(now))))
                .map(MongoDutyRounds::round).into(new ArrayList<>());
    }

    @Override
    public Optional<DutyRound> find(String reference) {
        return Optional.ofNullable(rounds.find(eq("_id", reference)).first()).map(MongoDutyRounds::round);
    }

    private static Bson ringingAt(String reference, int index) {
        return and(eq("_id", reference), eq("state", DutyRound.State.RINGING.name()), eq("index", index));
    }

    private static Bson step(int index, Instant at, String outcome) {
        return push("steps", new Document("index", index).append("at", Date.from(at)).append("outcome", outcome));
    }

    private static DutyRound round(Document d) {
        return new DutyRound(d.getString("_id"), d.getInteger("index", 0), DutyRound.State.valueOf(d.getString("state")),
                d.getString("node"), d.getDate("leaseUntil").toInstant(), d.getInteger("round", 1));
    }
}
