package org.hotline.core.telephony;

import java.util.Optional;
import java.util.function.Function;
import org.hotline.core.pathway.ActivePathway;
import org.hotline.core.referral.ReferralService;
import org.hotline.pathway.model.AgencyEntry;

/** Finds a referral's agency and its duty line (the agency's first phone in the active pathway's directory). */
public final class TransferTargets {

    private TransferTargets() {}

    /** Blocks (storage): call off the event loop. */
    public static Function<String, Optional<TransferTarget>> of(ReferralService referrals, ActivePathway pathway) {
        return referralId -> referrals.find(referralId).map(r -> new TransferTarget(r.id(), r.reference(), r.agencyId(),
                r.agencyName(), pathway.get().definition().agency(r.agencyId()).flatMap(a -> a.phones().stream()
                        .findFirst()).map(AgencyEntry.Phone::number).map(n -> n.replaceAll("[\\s()-]", ""))
                        .orElse("")));
    }
}
