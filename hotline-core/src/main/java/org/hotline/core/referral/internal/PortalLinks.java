package org.hotline.core.referral.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.hotline.core.referral.DispatchConfig;

/** Links into the agency portal that notices (e-mail, SMS) carry instead of the tip's details. */
final class PortalLinks {

    private PortalLinks() {}

    static String referral(DispatchConfig config, String referralId) {
        String base = config.portalBaseUrl().endsWith("/")
                ? config.portalBaseUrl().substring(0, config.portalBaseUrl().length() - 1)
                : config.portalBaseUrl();
        return base + "/referrals/" + URLEncoder.encode(referralId, StandardCharsets.UTF_8);
    }
}
