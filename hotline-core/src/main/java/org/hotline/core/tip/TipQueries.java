package org.hotline.core.tip;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.Optional;
import org.bson.Document;
import org.hotline.core.storage.MongoStore;

/** Read access to stored tips. */
public final class TipQueries {

    private final MongoCollection<Document> tips;

    public TipQueries(MongoStore store) {
        this.tips = store.database().getCollection("tips");
    }

    public Optional<Document> byReference(String reference) {
        return Optional.ofNullable(tips.find(Filters.eq("reference", reference)).first());
    }
}
