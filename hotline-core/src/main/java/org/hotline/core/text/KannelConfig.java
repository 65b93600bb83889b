package org.hotline.core.text;

import java.net.URI;
import java.util.Objects;

/**
 * How the node talks to Kannel: the key smsbox's sms-service passes to {@code /api/sms/kannel}, and the
 * {@code sendsms} interface replies go out through (a {@code sendsms-user}'s name and password, the short code
 * as sender).
 */
public record KannelConfig(String inboundKey, URI sendsms, String username, String password, String from) {

    public static final URI DEFAULT_SENDSMS = URI.create("http://127.0.0.1:13013/cgi-bin/sendsms");

    public KannelConfig {
        Objects.requireNonNull(inboundKey, "inboundKey");
        Objects.requireNonNull(sendsms, "sendsms");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(from, "from");
    }
}
