package org.hotline.core.referral;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;

/**
 * Signed single-use links that let an agency's focal point acknowledge or decline a referral from an e-mail
 * without signing in. A token names the referral, the agency, the action and an expiry, and carries an
 * HMAC-SHA256 over them with the hotline's link key; redeeming it applies the answer once. A used token is
 * remembered in MongoDB (collection {@code used_answer_links}, by token hash), so a replay is refused even
 * on another node.
 */
public final class AnswerLinks {

    public static final String USED = "used_answer_links";
    /** Name of the secret (through {@link SecretResolver}) holding the link key; without it mails carry no links. */
    public static final String KEY_REF = "HOTLINE_ANSWER_LINK_KEY";
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(7);

    /** What a link does. */
    public enum Action { ACKNOWLEDGE, DECLINE }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final String DECLINE_REASON = "declined through the e-mail link";

    private final byte[] key;
    private final ReferralAnswers answers;
    private final MongoCollection<Document> used;
    private final Duration validity;
    private final Clock clock;

    /** {@code key} must have at least 32 bytes. */
    public AnswerLinks(byte[] key, ReferralAnswers answers, MongoDatabase database, Duration validity, Clock clock) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("the answer-link key needs at least 32 bytes");
        }
        this.key = key.clone();
        this.answers = answers;
        this.used = database.getCollection(USED);
        this.validity = validity;
        this.clock = clock;
    }

    /** A token for {@code action} on the referral, valid for the configured time from now. */
    public String token(String referralId, String agencyId, Action action) {
        long expires = clock.instant().plus(validity).getEpochSecond();
        String claims = B64.encodeToString((referralId + "\n" + agencyId + "\n" + action + "\n" + expires)
                .getBytes(StandardCharsets.UTF_8));
        return claims + "." + B64.encodeToString(mac(claims));
    }

    /** Applies the token's answer once; a forged, expired, malformed or already used token changes nothing. */
    public AnswerResult redeem(String token) {
        Optional<String[]> claims = verify(token);
        if (claims.isEmpty()) {
            return invalid("the link is not valid");
        }
        String[] c = claims.get();
        if (clock.instant().isAfter(Instant.ofEpochSecond(Long.parseLong(c[3])))) {
            return invalid("the link has expired");
        }
        try {
            used.insertOne(new Document("_id", sha256(token)).append("referralId", c[0])
                    .append("usedAt", Date.from(clock.instant())));
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return invalid("the link was used already");
            }
            throw e;
        }
        return Action.valueOf(c[2]) == Action.ACKNOWLEDGE
                ? answers.acknowledge(c[0], c[1])
                : answers.decline(c[0], c[1], DECLINE_REASON);
    }

    private Optional<String[]> verify(String token) {
        if (token == null || token.length() > 2048) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            byte[] given = B64D.decode(token.substring(dot + 1));
            String claims = token.substring(0, dot);
            if (!MessageDigest.isEqual(given, mac(claims))) {
                return Optional.empty();
            }
            String[] parts = new String(B64D.decode(claims), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length != 4 || !parts[3].matches("\\d{1,12}") || !parts[2].matches("ACKNOWLEDGE|DECLINE")) {
                return Optional.empty();
            }
            return Optional.of(parts);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String claims) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(claims.getBytes(StandardCharsets.US_ASCII));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static AnswerResult invalid(String message) {
        return new AnswerResult.Refused(AnswerResult.Reason.INVALID, message);
    }
}
