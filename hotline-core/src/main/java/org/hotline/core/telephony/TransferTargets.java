package org.hotline.core.telephony;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hotline.core.pathway.ActivePathway;
import org.hotline.core.referral.Referral;
import org.hotline.core.referral.ReferralService;
import org.hotline.pathway.model.AgencyEntry;

/** Finds a referral's agency and its duty line (the agency's first phone in the active pathway's directory). */
public final class TransferTargets {

    private TransferTargets() {}

    /** A referral by id. Blocks (storage): call off the event loop. */
    public static Function<String, Optional<TransferTarget>> of(ReferralService referrals, ActivePathway pathway) {
        return referralId -> referrals.find(referralId).map(r -> target(r, pathway));
    }

    /** The referrals of the tip with this reference (its id from {@code tipIds}). Blocks (storage). */
    public static Function<String, List<TransferTarget>> forReference(ReferralService referrals, ActivePathway pathway,
            Function<String, Optional<String>> tipIds) {
        return reference -> tipIds.apply(reference).map(referrals::forTip).orElse(List.of()).stream()
                .map(r -> target(r, pathway)).toList();
    }

    private static TransferTarget target(Referral r, ActivePathway pathway) {
        return new TransferTarget(r.id(), r.reference(), r.agencyId(), r.agencyName(), pathway.get().definition()
                .agency(r.agencyId()).flatMap(a -> a.phones().stream().findFirst()).map(AgencyEntry.Phone::number)
                .map(n -> n.replaceAll("[\\s()-]", "")).orElse(""));
    }
}
