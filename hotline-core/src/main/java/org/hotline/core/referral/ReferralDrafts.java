package org.hotline.core.referral;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.hotline.core.referral.internal.ReferralDocuments;
import org.hotline.core.tip.CaseFile;
import org.hotline.pathway.Agency;
import org.hotline.pathway.Channel;
import org.hotline.pathway.Disclosure;
import org.hotline.pathway.Recipient.Priority;

/**
 * Drafts of outbox entries, one shape for every kind: the payload is always a {@link CaseDisclosure.Cut} of
 * the case file for this agency, never a copy of another referral's.
 */
final class ReferralDrafts {

    private ReferralDrafts() {}

    /** Where the referral sits in the pathway: version, rules, and who is next if nobody answers. */
    record Terms(Priority priority, Duration acknowledgeWithin, List<String> escalationChain, List<String> matchedRules,
            String pathwayId, String pathwayVersion, boolean fallbackUsed) {}

    static Document draft(String id, CaseFile file, Agency agency, CaseDisclosure.Cut cut, Terms terms, Instant now) {
        List<Channel> channels = agency.channels();
        Disclosure disclosure = cut.disclosure();
        Object category = file.fields().get("exploitationType");
        return new Document("_id", id)
                .append("tipId", file.tipId())
                .append("reference", file.reference())
                .append("agencyId", agency.id())
                .append("agencyName", agency.name())
                .append("abroad", "foreign_counterpart".equals(agency.kind()))
                .append("profile", cut.audience().profileName())
                // for staff views only; a channel renders the payload, where the category is only if disclosed
                .append("category", category == null ? null : category.toString())
                .append("priority", terms.priority().name())
                .append("priorityRank", terms.priority().ordinal())
                .append("channels", channels.stream().map(ReferralDocuments::channel).toList())
                .append("channel", ReferralService.primaryChannel(channels).kind())
                .append("payload", new Document(disclosure.payload()))
                .append("withheld", disclosure.withheld())
                .append("consentOverrides", overrides(disclosure))
                .append("ackDeadline", Date.from(now.plus(terms.acknowledgeWithin())))
                .append("acknowledgeWithinMs", terms.acknowledgeWithin().toMillis())
                .append("escalationStep", 0)
                .append("chainIndex", 0)
                .append("reminders", 0)
                .append("escalationChain", terms.escalationChain())
                .append("matchedRules", terms.matchedRules())
                .append("pathwayId", terms.pathwayId())
                .append("pathwayVersion", terms.pathwayVersion())
                .append("fallbackUsed", terms.fallbackUsed())
                .append("idempotencyKey", idempotencyKey(id))
                .append("state", ReferralState.PENDING.name())
                .append("nextAttemptAt", Date.from(now))
                .append("attempts", List.of())
                .append("attemptCount", 0)
                .append("createdAt", Date.from(now))
                .append("updatedAt", Date.from(now));
    }

    /**
     * A new cut of an existing referral (the case changed before it went out): its payload, withheld fields and
     * overrides, and the rules that justify them; what {@link ReferralOutbox#recut} stores.
     */
    static Document recut(Document existing, CaseDisclosure.Cut cut, List<String> matchedRules) {
        Disclosure disclosure = cut.disclosure();
        return new Document("_id", existing.getString("_id")).append("tipId", existing.getString("tipId"))
                .append("reference", existing.getString("reference")).append("agencyId", existing.getString("agencyId"))
                .append("payload", new Document(disclosure.payload())).append("withheld", disclosure.withheld())
                .append("consentOverrides", overrides(disclosure)).append("matchedRules", matchedRules);
    }

    private static List<Document> overrides(Disclosure disclosure) {
        return disclosure.overrides().stream().map(ReferralDrafts::override).toList();
    }

    static String idempotencyKey(String referralId) {
        return UUID.nameUUIDFromBytes(("referral:" + referralId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Document override(Disclosure.AppliedOverride o) {
        return new Document("ruleId", o.ruleId()).append("field", o.field()).append("consentPurpose", o.consentPurpose())
                .append("condition", o.condition()).append("reason", o.reason());
    }
}
