package org.hotline.core.telephony.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.hotline.core.storage.MongoStore;
import org.hotline.core.telephony.LiveHandover;
import org.hotline.core.telephony.LiveHandovers;

/** {@link LiveHandovers} in the {@code live_handovers} collection: no personal data, only ids, times and outcomes. */
public final class MongoLiveHandovers implements LiveHandovers {

    private final MongoCollection<Document> handovers;

    public MongoLiveHandovers(MongoStore store) {
        this.handovers = store.database().getCollection("live_handovers");
    }

    @Override
    public void record(LiveHandover h) {
        handovers.insertOne(new Document("_id", h.id()).append("referralId", h.referralId())
                .append("reference", h.reference()).append("agencyId", h.agencyId()).append("operator", h.operator())
                .append("mode", h.mode()).append("outcome", h.outcome()).append("detail", h.detail())
                .append("startedAt", Date.from(h.startedAt()))
                .append("joinedAt", h.joinedAt().map(Date::from).orElse(null))
                .append("endedAt", Date.from(h.endedAt())).append("seconds", h.duration().toSeconds()));
    }

    @Override
    public List<LiveHandover> forReferral(String referralId) {
        List<LiveHandover> out = new ArrayList<>();
        for (Document d : handovers.find(Filters.eq("referralId", referralId)).sort(Sorts.ascending("startedAt"))) {
            out.add(new LiveHandover(d.getString("_id"), d.getString("referralId"), d.getString("reference"),
                    d.getString("agencyId"), d.getString("operator"), d.getString("mode"), d.getString("outcome"),
                    d.getString("detail"), d.getDate("startedAt").toInstant(),
                    Optional.ofNullable(d.getDate("joinedAt")).map(Date::toInstant), d.getDate("endedAt").toInstant()));
        }
        return out;
    }
}
