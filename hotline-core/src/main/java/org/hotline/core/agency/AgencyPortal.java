package org.hotline.core.agency;

import java.time.Clock;
import java.util.List;
import org.hotline.core.referral.AgencyReferrals;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.http.ApiRoutes;
import org.hotline.core.pathway.ActivePathway;
import org.hotline.core.referral.Dispatch;
import org.hotline.core.referral.SecretResolver;
import org.hotline.core.storage.MongoStore;

/**
 * The agency side of one node, wired: the agency users' API, answers by signed link and by SMS reply, the
 * agency directory, and the pages.
 */
public final class AgencyPortal {

    private AgencyPortal() {}

    /** Agencies' SMS replies (ACK/DECLINE), for any gateway that brings them (signed callback, Kannel). */
    public static SmsReplies smsReplies(MongoStore mongo, Dispatch dispatch, AuditLog audit, Clock clock) {
        AgencyReferrals referrals = new AgencyReferrals(mongo.database(), audit, clock,
                dispatch.referrals().payloadSeal());
        return new SmsReplies(mongo.database(), dispatch.answers(), new Answers(referrals, audit));
    }

    /** The routes; {@code secrets} holds the SMS gateway's callback secret ({@value SmsReplyRoutes#KEY_REF}). */
    public static List<ApiRoutes> routes(MongoStore mongo, Dispatch dispatch, ActivePathway pathway, AuditLog audit,
            SecretResolver secrets, Clock clock) {
        AgencyReferrals referrals = new AgencyReferrals(mongo.database(), audit, clock,
                dispatch.referrals().payloadSeal());
        Answers answers = new Answers(referrals, audit);
        SmsReplies sms = smsReplies(mongo, dispatch, audit, clock);
        return List.of(
                new AgencyRoutes(referrals, dispatch.answers(), answers),
                new AnswerLinkRoutes(dispatch.answerLinks(), answers),
                new SmsReplyRoutes(secrets.resolve(SmsReplyRoutes.KEY_REF), sms),
                new DirectoryRoutes(new AgencyDirectory(mongo.database(), pathway::get, dispatch.worker()::openCircuits, clock)),
                new AgencyAssets());
    }
}
