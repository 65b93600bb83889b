package org.hotline.core.tip;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.Optional;
import org.bson.Document;
import org.hotline.core.crypto.TipCipher;
import org.hotline.core.storage.MongoStore;

/** Read access to stored tips, with their personal values decrypted. */
public final class TipQueries {

    private final MongoCollection<Document> tips;
    private final TipCipher cipher;

    public TipQueries(MongoStore store, TipCipher cipher) {
        this.tips = store.database().getCollection("tips");
        this.cipher = cipher;
    }

    public Optional<Document> byReference(String reference) {
        return Optional.ofNullable(tips.find(Filters.eq("reference", reference)).first()).map(cipher::open);
    }
}
