package org.hotline.core.agency;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.hotline.core.agency.AgencyBed.Response;
import org.hotline.core.agency.internal.SmsSignature;
import org.hotline.core.referral.SmsReplyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SMS replies through the gateway callback on a real node: the police trafficking unit (SMS number
 * {@value AgencyBed#AHTU_SMS}) answers its referral by code; other numbers, other agencies' codes, unsigned or
 * unreadable callbacks change nothing.
 */
class SmsReplyIT {

    @TempDir
    Path dir;

    private AgencyBed bed;
    private String tipId;
    private String referralId;

    @BeforeEach
    void start() throws Exception {
        bed = new AgencyBed(dir);
        tipId = bed.fileTip();
        referralId = tipId + ":lnp-ahtu";
    }

    @AfterEach
    void stop() throws Exception {
        bed.close();
    }

    @Test
    void shouldAcknowledgeFromTheRegisteredNumberOnceAndRepeatIdempotently() throws Exception {
        // given
        String code = SmsReplyCode.of(referralId);

        // when
        Response first = callback(AgencyBed.AHTU_SMS, "ack " + code.toLowerCase());
        Object history = bed.referral(referralId).get("history");
        Response again = callback("+231 770 000 101", "ACK " + code);

        // then
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().getString("result")).isEqualTo("applied");
        assertThat(first.json().getString("reply")).contains(code, "acknowledged");
        assertThat(first.json().getJsonObject("referral").containsKey("payload")).isFalse();
        assertThat(bed.referral(referralId).getString("state")).isEqualTo("ACKNOWLEDGED");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().getBoolean("alreadyApplied")).isTrue();
        assertThat(bed.referral(referralId).get("history")).isEqualTo(history);
        assertThat(bed.audited("referral.acknowledge", referralId)).isEqualTo(2);
    }

    @Test
    void shouldApplyAnAnswerThatComesThroughKannelAndTakeAnyOtherTextAsAPersonWriting() throws Exception {
        // given
        String code = SmsReplyCode.of(referralId);
        String kannel = "/api/sms/kannel?key=" + AgencyBed.KANNEL_KEY + "&to=1234&coding=0&from=";

        // when: the police unit answers through smsbox; someone else writes "ACK" with the same code
        Response agency = bed.post(kannel + "%2B231770000101&id=k-1", null, "ACK " + code, Map.of());
        Response person = bed.post(kannel + "%2B231770000555&id=k-2", null, "ACK " + code, Map.of());

        // then: the referral is acknowledged and a reply queued for the unit; the other is a text conversation
        assertThat(agency.status()).as(agency.body()).isEqualTo(202);
        assertThat(agency.json().getString("handled")).isEqualTo("AGENCY_REPLY");
        assertThat(bed.referral(referralId).getString("state")).isEqualTo("ACKNOWLEDGED");
        assertThat(bed.node.mongo().database().getCollection("text_outbox")
                .countDocuments(new org.bson.Document("sessionId", "agency:k-1"))).isEqualTo(1);
        assertThat(person.json().getString("handled")).isEqualTo("ANSWERED");
        assertThat(bed.node.mongo().database().getCollection("text_sessions").countDocuments()).isEqualTo(1);
    }

    @Test
    void shouldDeclineWithTheReasonFromTheReply() throws Exception {
        // when
        Response declined = callback(AgencyBed.AHTU_SMS, "DECLINE " + SmsReplyCode.of(referralId) + " no officers free tonight");

        // then
        assertThat(declined.status()).isEqualTo(200);
        assertThat(bed.referral(referralId).getString("state")).isEqualTo("DECLINED");
        // stored sealed for the tip, read back in clear by the agency in its portal
        assertThat(bed.referral(referralId).getString("declineReason")).startsWith("enc1:");
        AgencyBed.Response view = bed.get("/api/agency/referrals/"
                + java.net.URLEncoder.encode(referralId, java.nio.charset.StandardCharsets.UTF_8), bed.police);
        assertThat(view.json().getString("declineReason")).isEqualTo("no officers free tonight");
    }

    @Test
    void shouldRefuseARepliesFromAnotherNumberOrForAnotherAgencysCode() throws Exception {
        // given
        String code = SmsReplyCode.of(referralId);

        // when
        Response wrongNumber = callback("+231770000999", "ACK " + code);
        Response otherAgency = callback(AgencyBed.AHTU_SMS, "ACK " + SmsReplyCode.of(tipId + ":mol-labour"));

        // then
        assertThat(wrongNumber.status()).isEqualTo(404);
        assertThat(wrongNumber.json().getString("message")).contains(code);
        assertThat(otherAgency.status()).isEqualTo(404);
        assertUnanswered(referralId);
        assertUnanswered(tipId + ":mol-labour");
    }

    @Test
    void shouldRefuseUnsignedForgedOrUnreadableCallbacksWithoutChange() throws Exception {
        // given
        String body = new JsonObject().put("from", AgencyBed.AHTU_SMS).put("text", "ACK " + SmsReplyCode.of(referralId)).encode();

        // when
        Response unsigned = bed.post("/api/sms/inbound", null, body, Map.of());
        Response forged = bed.post("/api/sms/inbound", null, body,
                Map.of(SmsSignature.HEADER, SmsSignature.sign("not the shared secret", body.getBytes(StandardCharsets.UTF_8))));
        Response unreadable = callback(AgencyBed.AHTU_SMS, "yes please");
        Response noReason = callback(AgencyBed.AHTU_SMS, "DECLINE " + SmsReplyCode.of(referralId));
        Response notJson = bed.post("/api/sms/inbound", null, "from=1&text=ACK", Map.of());

        // then
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.json().getString("message")).contains("ACK <code>");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(notJson.status()).isEqualTo(400);
        assertUnanswered(referralId);
    }

    private Response callback(String from, String text) throws Exception {
        String body = new JsonObject().put("from", from).put("text", text).encode();
        return bed.post("/api/sms/inbound", null, body,
                Map.of(SmsSignature.HEADER, SmsSignature.sign(AgencyBed.SMS_KEY, body.getBytes(StandardCharsets.UTF_8))));
    }

    private void assertUnanswered(String id) {
        assertThat(bed.referral(id).getString("state")).isNotIn("ACKNOWLEDGED", "DECLINED", "OUTCOME_RECORDED");
        assertThat(bed.referral(id).get("history")).isNull();
    }
}
