package org.hotline.core.routing;

import java.util.Map;
import org.hotline.pathway.Pathway;
import org.hotline.pathway.Routing;

/** Creates the referrals (one per recipient) for a routed tip. Must be idempotent per tip and agency. */
@FunctionalInterface
public interface ReferralPlanner {

    void plan(String tipId, String reference, Map<String, Object> tipFields, Routing routing, Pathway pathway);
}
