package org.hotline.core.agency;

import com.mongodb.client.MongoDatabase;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.hotline.core.http.ApiException;
import org.hotline.core.referral.Referral;
import org.hotline.core.referral.ReferralAnswers;
import org.hotline.core.referral.ReferralQueries;
import org.hotline.core.referral.SmsReplyCode;

/**
 * Applies SMS replies the gateway passes on. The reply's code names one referral, and only a referral that
 * was sent by SMS to the sender's number counts: another agency's number, or a number the referral never went
 * to, finds nothing and changes nothing. The number is the one stored on the referral when it was created,
 * so a later pathway version does not change who may answer it.
 */
public final class SmsReplies {

    /** How many of a number's most recent referrals a code is looked for in. */
    static final int RECENT = 1000;

    private final ReferralQueries referrals;
    private final ReferralAnswers answers;
    private final Answers apply;

    public SmsReplies(MongoDatabase database, ReferralAnswers answers, Answers apply) {
        this.referrals = new ReferralQueries(database);
        this.answers = answers;
        this.apply = apply;
    }

    /**
     * Applies the reply {@code text} from {@code from} (blocking).
     *
     * @return the shared answer body plus {@code reply}, a short text the gateway may send back
     * @throws ApiException 400 for an unreadable text, 404 when no referral of that number has the code
     */
    public JsonObject apply(String from, String text) {
        SmsReply reply = SmsReply.parse(text);
        if (reply instanceof SmsReply.Unreadable u) {
            throw ApiException.badRequest("unreadable_reply", u.message());
        }
        String code = reply instanceof SmsReply.Acknowledge a ? a.code() : ((SmsReply.Decline) reply).code();
        Referral referral = find(from, code);
        String id = referral.id();
        String agency = referral.agencyId();
        JsonObject body = switch (reply) {
            case SmsReply.Acknowledge a -> apply.apply("sms", "referral.acknowledge", "sms", () -> answers.acknowledge(id, agency));
            case SmsReply.Decline d -> apply.apply("sms", "referral.decline", "sms", () -> answers.decline(id, agency, d.reason()));
            case SmsReply.Unreadable u -> throw new IllegalStateException("handled above");
        };
        String what = reply instanceof SmsReply.Acknowledge ? "acknowledged" : "declined";
        String reference = body.getJsonObject("referral").getString("reference");
        return body.put("reply", "Referral " + code + (reference == null ? "" : " (" + reference + ")") + " "
                + (body.getBoolean("alreadyApplied") ? "was already " : "") + what + ". Thank you.");
    }

    private Referral find(String from, String code) {
        List<Referral> matches = referrals.sentBySmsTo(numbers(from), RECENT).stream()
                .filter(r -> SmsReplyCode.of(r.id()).equals(code)).toList();
        if (matches.isEmpty()) {
            throw ApiException.notFound("No referral sent to this number has the code " + code + ".");
        }
        if (matches.size() > 1) {
            throw new ApiException(409, "ambiguous_code", "The code " + code
                    + " fits several referrals of this number; answer in the agency portal.");
        }
        return matches.getFirst();
    }

    /** The sender's number as written in pathways ({@code +231...}) and as bare digits. */
    static List<String> numbers(String from) {
        String digits = from.replaceAll("[\\s().-]", "");
        if (!digits.matches("\\+?[0-9]{6,20}")) {
            throw ApiException.invalidFields(java.util.Map.of("from", "must be a phone number"));
        }
        String bare = digits.startsWith("+") ? digits.substring(1) : digits;
        return List.of("+" + bare, bare);
    }
}
