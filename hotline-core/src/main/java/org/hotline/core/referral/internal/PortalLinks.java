package org.hotline.core.referral.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.hotline.core.referral.DispatchConfig;

/** Links into the agency portal that notices (e-mail, SMS) carry instead of the tip's details. */
final class PortalLinks {

    private PortalLinks() {}

    static String referral(DispatchConfig config, String referralId) {
        return base(config) + "/referrals/" + URLEncoder.encode(referralId, StandardCharsets.UTF_8);
    }

    /** The portal page that confirms a signed answer link (the token is URL-safe already). */
    static String answer(DispatchConfig config, String token) {
        return base(config) + "/answer?token=" + token;
    }

    private static String base(DispatchConfig config) {
        String url = config.portalBaseUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
