package org.hotline.core.tip;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.hotline.core.tip.internal.MongoTipRepository;

/**
 * The referrals' states as recorded on their tip (the tip view and the caller's follow-up read them there),
 * written by dispatch as each referral moves; the tip feature's one other write path besides
 * {@link TipRepository}, kept here so that only this feature knows the tip's layout.
 */
public final class TipReferralStates {

    private final MongoCollection<Document> tips;

    public TipReferralStates(MongoDatabase database) {
        this.tips = database.getCollection(MongoTipRepository.TIPS);
    }

    /**
     * Records one referral's latest state ({@code state}, {@code referralId}, and {@code deliveredAt} when
     * delivered or {@code updatedAt}), keeping what was recorded before; false when the tip is not (yet) stored.
     */
    public boolean record(String tipId, String agencyId, String referralId, String state, Instant at) {
        String prefix = "referrals." + agencyId + ".";
        return tips.updateOne(eq("_id", tipId), combine(set(prefix + "state", state),
                set(prefix + "referralId", referralId),
                set(prefix + ("DELIVERED".equals(state) ? "deliveredAt" : "updatedAt"), Date.from(at))))
                .getMatchedCount() == 1;
    }
}
