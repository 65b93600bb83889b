package org.hotline.core.agency;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.hotline.core.agency.AgencyBed.Response;
import org.hotline.core.referral.AnswerLinks;
import org.hotline.core.referral.ReferralAnswers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed single-use answer links against a real node: opening the link changes nothing, the confirmation's
 * POST applies it once, a replayed or forged link is refused with a clear message and changes nothing.
 * Tokens are minted with the node's link key, as the e-mail route does.
 */
class AnswerLinkIT {

    @TempDir
    Path dir;

    private AgencyBed bed;
    private String referralId;
    private AnswerLinks links;

    @BeforeEach
    void start() throws Exception {
        bed = new AgencyBed(dir);
        referralId = bed.fileTip() + ":mol-labour";
        links = new AnswerLinks(AgencyBed.LINK_KEY.getBytes(StandardCharsets.UTF_8),
                new ReferralAnswers(bed.node.mongo().database(), bed.node.metrics(), Clock.systemUTC()),
                bed.node.mongo().database(), AnswerLinks.DEFAULT_VALIDITY, Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        bed.close();
    }

    @Test
    void shouldChangeNothingWhenTheLinkIsOnlyOpened() throws Exception {
        // given
        String token = links.token(referralId, "mol-labour", AnswerLinks.Action.ACKNOWLEDGE);

        // when: a mail scanner follows the link
        Response page = bed.get("/agency/answer?token=" + token, null);

        // then
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Please confirm", "/agency/answer.js").doesNotContain("<script>");
        assertThat(bed.referral(referralId).getString("state")).isNotIn("ACKNOWLEDGED", "DECLINED");
        assertThat(bed.node.mongo().database().getCollection(AnswerLinks.USED).countDocuments()).isZero();
    }

    @Test
    void shouldSendLinksUnderTheDefaultPortalAddressToTheAgencyPages() throws Exception {
        // given
        String token = links.token(referralId, "mol-labour", AnswerLinks.Action.ACKNOWLEDGE);

        // when
        java.net.http.HttpResponse<Void> old = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(bed.uri("/portal/answer?token=" + token)).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());

        // then
        assertThat(old.statusCode()).isEqualTo(302);
        assertThat(old.headers().firstValue("Location")).hasValue("/agency/answer?token=" + token);
        assertThat(bed.referral(referralId).get("history")).isNull();
    }

    @Test
    void shouldApplyTheLinkOnceAndRefuseItsReplay() throws Exception {
        // given
        String token = links.token(referralId, "mol-labour", AnswerLinks.Action.ACKNOWLEDGE);
        String body = new JsonObject().put("token", token).encode();

        // when
        Response first = bed.post("/api/agency/answer", null, body);
        Object history = bed.referral(referralId).get("history");
        Response replay = bed.post("/api/agency/answer", null, body);

        // then
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().getString("result")).isEqualTo("applied");
        assertThat(first.json().getJsonObject("referral").getString("state")).isEqualTo("ACKNOWLEDGED");
        assertThat(first.json().getJsonObject("referral").containsKey("payload")).isFalse();
        assertThat(first.body()).doesNotContain(AgencyBed.TIP_VALUES.get("employer"), AgencyBed.TIP_VALUES.get("narrative"));
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.json().getString("message")).contains("used already");
        assertThat(bed.referral(referralId).get("history")).isEqualTo(history);
        assertThat(bed.audited("referral.answer_link", referralId)).isEqualTo(1);
    }

    @Test
    void shouldRefuseForgedOrIncompleteLinksWithoutChange() throws Exception {
        // given
        String token = links.token(referralId, "mol-labour", AnswerLinks.Action.DECLINE);
        String forged = token.substring(0, token.length() - 3) + (token.endsWith("AAA") ? "BBB" : "AAA");
        String otherAgency = links.token(referralId, "sl-counterpart", AnswerLinks.Action.ACKNOWLEDGE);

        // when
        Response bad = bed.post("/api/agency/answer", null, new JsonObject().put("token", forged).encode());
        Response missing = bed.post("/api/agency/answer", null, "{}");
        Response notJson = bed.post("/api/agency/answer", null, "token=" + token);
        Response wrongAgency = bed.post("/api/agency/answer", null, new JsonObject().put("token", otherAgency).encode());

        // then
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().getString("message")).contains("not valid");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().getJsonObject("fields").getString("token")).isNotBlank();
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(wrongAgency.status()).isEqualTo(404);
        assertThat(bed.referral(referralId).getString("state")).isNotIn("ACKNOWLEDGED", "DECLINED");
        assertThat(bed.referral(referralId).get("history")).isNull();
    }
}
