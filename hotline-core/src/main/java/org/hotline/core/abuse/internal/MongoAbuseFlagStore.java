package org.hotline.core.abuse.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.hotline.core.abuse.AbuseFlag;
import org.hotline.core.abuse.AbuseFlagStore;
import org.hotline.core.storage.MongoStore;

/** {@link AbuseFlagStore} in {@code abuse_flags}: the caller hash as id, no number, no free text. */
public final class MongoAbuseFlagStore implements AbuseFlagStore {

    private final MongoCollection<Document> flags;

    public MongoAbuseFlagStore(MongoStore store) {
        this.flags = store.database().getCollection("abuse_flags");
    }

    @Override
    public void put(AbuseFlag flag) {
        flags.replaceOne(Filters.eq("_id", flag.callerHash()), new Document("_id", flag.callerHash())
                .append("until", Date.from(flag.until())).append("by", flag.by()).append("at", Date.from(flag.at())),
                new ReplaceOptions().upsert(true));
    }

    @Override
    public Optional<AbuseFlag> get(String callerHash) {
        return Optional.ofNullable(flags.find(Filters.eq("_id", callerHash)).first()).map(d -> new AbuseFlag(
                d.getString("_id"), d.getDate("until").toInstant(), d.getString("by"), d.getDate("at").toInstant()));
    }

    @Override
    public boolean remove(String callerHash) {
        return flags.deleteOne(Filters.eq("_id", callerHash)).getDeletedCount() > 0;
    }
}
