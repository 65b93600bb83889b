package org.hotline.core.related.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.hotline.core.related.TipLink;
import org.hotline.core.related.TipLinkStore;
import org.hotline.core.storage.MongoStore;

/**
 * {@link TipLinkStore} in {@code tip_links}: the ordered pair of references as id (so adding is one atomic upsert and
 * a pair is never linked twice), who and when; no report content.
 */
public final class MongoTipLinks implements TipLinkStore {

    private final MongoCollection<Document> links;

    public MongoTipLinks(MongoStore store) {
        this.links = store.database().getCollection("tip_links");
    }

    @Override
    public boolean add(TipLink link) {
        return links.updateOne(Filters.eq("_id", id(link.first(), link.second())), Updates.combine(
                        Updates.setOnInsert("first", link.first()), Updates.setOnInsert("second", link.second()),
                        Updates.setOnInsert("by", link.by()), Updates.setOnInsert("at", Date.from(link.at()))),
                new UpdateOptions().upsert(true)).getUpsertedId() != null;
    }

    @Override
    public boolean remove(String reference, String other) {
        return links.deleteOne(Filters.eq("_id", id(reference, other))).getDeletedCount() > 0;
    }

    @Override
    public List<TipLink> of(String reference) {
        List<TipLink> out = new ArrayList<>();
        links.find(Filters.or(Filters.eq("first", reference), Filters.eq("second", reference))).forEach(d -> out.add(
                new TipLink(d.getString("first"), d.getString("second"), d.getString("by"), d.getDate("at").toInstant())));
        return out;
    }

    private static String id(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
    }
}
