package org.hotline.core.referral.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook bodies so an agency can tell a referral really comes from the hotline and was not altered:
 * {@code X-Hotline-Signature: sha256=<lower-case hex HMAC-SHA256 of the exact body bytes>}, keyed with the
 * agency's secret (UTF-8 bytes).
 */
public final class WebhookSigner {

    public static final String HEADER = "X-Hotline-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSigner() {}

    /** The header value for {@code body} signed with {@code secret}. */
    public static String signature(byte[] body, String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("an empty secret cannot sign");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
