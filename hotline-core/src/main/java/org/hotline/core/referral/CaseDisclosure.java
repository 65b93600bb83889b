package org.hotline.core.referral;

import java.util.Collection;
import org.hotline.core.tip.CaseFile;
import org.hotline.pathway.Audience;
import org.hotline.pathway.Disclosure;
import org.hotline.pathway.Pathway;
import org.hotline.pathway.Recipient;

/**
 * The one disclosure function: (case file, the recipient's data-sharing profile, the caller's consents, the
 * pathway's documented overrides for children and immediate danger) → what may leave the node about the case.
 * Every path that sends anything to an agency — routing, operator updates, the console's emergency, a
 * supervisor's reassign, escalation along a chain — cuts its payload here, from the case file itself, never by
 * copying another agency's referral; every channel then renders only that payload
 * ({@link org.hotline.core.referral.internal.DeliveryRequest}).
 */
public final class CaseDisclosure {

    private CaseDisclosure() {}

    /** The audience and what it may see. */
    public record Cut(Audience audience, Disclosure disclosure) {}

    /** What a recipient of a routing may see: its rules' profiles and those rules' overrides. */
    public static Cut forRecipient(Pathway pathway, Recipient recipient, CaseFile file) {
        return disclose(pathway, pathway.audienceOf(recipient), file);
    }

    /**
     * What an agency that gets the case outside routing (reassign, escalation) may see: its own narrowest
     * profile, and only overrides of {@code caseRules} that name it.
     */
    public static Cut forHandover(Pathway pathway, String agencyId, Collection<String> caseRules, CaseFile file) {
        return disclose(pathway, pathway.handoverAudience(agencyId, caseRules), file);
    }

    private static Cut disclose(Pathway pathway, Audience audience, CaseFile file) {
        return new Cut(audience, pathway.disclose(audience, file.fields()));
    }
}
