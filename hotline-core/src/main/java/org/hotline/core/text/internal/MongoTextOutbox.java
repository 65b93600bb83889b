package org.hotline.core.text.internal;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.hotline.core.crypto.TipCipher;
import org.hotline.core.storage.MongoStore;
import org.hotline.core.text.TextOutbox;

/**
 * The {@code text_outbox} collection: replies not yet accepted by their gateway. The only code that names it.
 * The address and the words (a reference and PIN among them) are sealed; a reply is deleted once its gateway
 * accepted it, so nothing sent lingers here.
 */
public final class MongoTextOutbox implements TextOutbox {

    private static final String COLLECTION = "text_outbox";
    private static final String PENDING = "PENDING";
    private static final String SENDING = "SENDING";

    /** A reply claimed for sending, opened. */
    public record Reply(String id, String gateway, String to, String text, int attempts) {}

    private final MongoCollection<Document> outbox;
    private final TipCipher cipher;
    private final Clock clock;
    // orders replies queued within the same millisecond
    private final AtomicLong sequence = new AtomicLong();

    public MongoTextOutbox(MongoStore mongo, TipCipher cipher, Clock clock) {
        this.outbox = mongo.database().getCollection(COLLECTION);
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public void enqueue(String id, String sessionId, String gateway, String to, String text) {
        Instant now = clock.instant();
        Document doc = new Document("_id", id).append("sessionId", sessionId).append("gateway", gateway)
                .append("to", cipher.sealText(id, "text-to", to)).append("text", cipher.sealText(id, "text-out", text))
                .append("state", PENDING).append("attempts", 0)
                .append("order", now.toEpochMilli() * 1000 + sequence.getAndIncrement() % 1000)
                .append("nextAttemptAt", Date.from(now));
        try {
            outbox.insertOne(doc);
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // the same reply of a redelivered message: already queued (or sent)
        }
    }

    @Override
    public void dropPending(String sessionId) {
        outbox.deleteMany(Filters.and(Filters.eq("sessionId", sessionId), Filters.eq("state", PENDING)));
    }

    /** Claims up to {@code limit} due replies in queue order, each leased for {@code lease}. */
    public List<Reply> claim(int limit, Duration lease) {
        Instant now = clock.instant();
        List<Reply> claimed = new ArrayList<>();
        List<Document> due = outbox.find(Filters.or(
                        Filters.and(Filters.eq("state", PENDING), Filters.lte("nextAttemptAt", Date.from(now))),
                        Filters.and(Filters.eq("state", SENDING), Filters.lt("leaseUntil", Date.from(now)))))
                .sort(Sorts.ascending("order")).limit(limit).into(new ArrayList<>());
        for (Document candidate : due) {
            Document doc = outbox.findOneAndUpdate(Filters.and(Filters.eq("_id", candidate.get("_id")),
                            Filters.eq("state", candidate.getString("state")),
                            Filters.eq("attempts", candidate.getInteger("attempts"))),
                    Updates.combine(Updates.set("state", SENDING), Updates.set("leaseUntil", Date.from(now.plus(lease)))),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            if (doc != null) {
                String id = doc.getString("_id");
                claimed.add(new Reply(id, doc.getString("gateway"), cipher.openText(id, "text-to", doc.getString("to")),
                        cipher.openText(id, "text-out", doc.getString("text")), doc.getInteger("attempts")));
            }
        }
        return claimed;
    }

    /** The gateway accepted the reply: nothing of it is kept. */
    public void sent(String id) {
        outbox.deleteOne(Filters.eq("_id", id));
    }

    /** The gateway did not take it: back in the queue, tried again at {@code next}. */
    public void retry(String id, int attempts, Instant next) {
        outbox.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("state", SENDING)), Updates.combine(
                Updates.set("state", PENDING), Updates.set("attempts", attempts),
                Updates.set("nextAttemptAt", Date.from(next))));
    }

    /** How many replies wait (for metrics and tests). */
    public long pending() {
        return outbox.countDocuments();
    }
}
