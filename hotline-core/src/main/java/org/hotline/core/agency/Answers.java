package org.hotline.core.agency;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.function.Supplier;
import org.hotline.core.referral.AgencyReferrals;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.http.ApiException;
import org.hotline.core.agency.internal.Requests;
import org.hotline.core.referral.AnswerResult;
import org.hotline.core.referral.Referral;

/**
 * Applies one agency answer (from the API, an answer link or an SMS) and turns its result into the response
 * body every channel shares: {@code {result, alreadyApplied, referral}}. Applied and repeated answers are
 * audited; a refused one changes nothing and becomes the matching API error.
 */
public final class Answers {

    private final AgencyReferrals referrals;
    private final AuditLog audit;

    public Answers(AgencyReferrals referrals, AuditLog audit) {
        this.referrals = referrals;
        this.audit = audit;
    }

    /**
     * Runs {@code answer} (blocking) and describes its result.
     *
     * @param action audit action, e.g. {@code referral.acknowledge}
     * @param via how the answer came: {@code api}, {@code link} or {@code sms}
     * @throws ApiException when the answer was refused
     */
    public JsonObject apply(String actor, String action, String via, Supplier<AnswerResult> answer) {
        AnswerResult result = answer.get();
        Referral referral = switch (result) {
            case AnswerResult.Applied a -> a.referral();
            case AnswerResult.AlreadyApplied a -> a.referral();
            case AnswerResult.Refused refused -> throw Requests.refusal(refused);
        };
        boolean repeat = result instanceof AnswerResult.AlreadyApplied;
        String referralId = referral.id();
        String agencyId = referral.agencyId();
        audit.record(new AuditEvent(actor, action, referralId,
                Map.of("agencyId", agencyId, "via", via, "result", repeat ? "already_applied" : "applied")));
        return new JsonObject().put("result", repeat ? "alreadyApplied" : "applied").put("alreadyApplied", repeat)
                .put("referral", referrals.current(referralId, agencyId, "api".equals(via)).orElseThrow(
                        () -> ApiException.notFound("No such referral.")));
    }
}
