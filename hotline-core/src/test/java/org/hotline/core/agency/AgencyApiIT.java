package org.hotline.core.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.hotline.core.agency.AgencyBed.Response;
import org.hotline.core.testsupport.Staff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agency users' API on a real node, over HTTP with real sign-in: a tip with every field set goes to four
 * agencies with different data-sharing profiles, and each agency sees only its own referrals with only its
 * profile's fields, answers them once, and learns nothing about other agencies' referrals.
 */
class AgencyApiIT {

    @TempDir
    Path dir;

    private AgencyBed bed;
    private String tipId;

    @BeforeEach
    void start() throws Exception {
        bed = new AgencyBed(dir);
        tipId = bed.fileTip();
    }

    @AfterEach
    void stop() throws Exception {
        bed.close();
    }

    @Test
    void shouldNeverShowFieldsOutsideTheAgencysProfileInAnyResponse() throws Exception {
        // given
        String labourId = tipId + ":mol-labour";
        String counterpartId = tipId + ":sl-counterpart";
        List<String> labourBodies = new ArrayList<>();
        List<String> counterpartBodies = new ArrayList<>();

        // when: every kind of response each agency can get about its referral
        labourBodies.add(AgencyBed.ok(bed.get("/api/agency/referrals", bed.labour)));
        labourBodies.add(AgencyBed.ok(bed.get(path(labourId), bed.labour)));
        labourBodies.add(AgencyBed.ok(bed.post(answerPath(labourId, "decline"), bed.labour, "{\"reason\":\"outside our mandate\"}")));
        labourBodies.add(AgencyBed.ok(bed.post(answerPath(labourId, "decline"), bed.labour, "{\"reason\":\"outside our mandate\"}")));
        counterpartBodies.add(AgencyBed.ok(bed.get("/api/agency/referrals", bed.counterpart)));
        counterpartBodies.add(AgencyBed.ok(bed.get(path(counterpartId), bed.counterpart)));
        counterpartBodies.add(AgencyBed.ok(bed.post(answerPath(counterpartId, "ack"), bed.counterpart, "{}")));
        counterpartBodies.add(AgencyBed.ok(bed.post(answerPath(counterpartId, "outcome"), bed.counterpart,
                "{\"code\":\"victim_sheltered\",\"note\":\"placed with a host family\"}")));
        counterpartBodies.add(AgencyBed.ok(bed.get(path(counterpartId), bed.counterpart)));

        // then
        assertOnlyProfileFields(labourId, labourBodies);
        assertOnlyProfileFields(counterpartId, counterpartBodies);
        JsonObject detail = new JsonObject(labourBodies.get(1));
        assertThat(detail.getJsonObject("payload").fieldNames())
                .isEqualTo(bed.referral(labourId).get("payload", Document.class).keySet())
                .contains("employer", "sector").doesNotContain("narrative", "callerName", "victimAgeGroup");
        assertThat(detail.getJsonObject("payload").getString("employer")).isEqualTo(AgencyBed.TIP_VALUES.get("employer"));
        assertThat(new JsonObject(counterpartBodies.get(1)).getJsonObject("payload").fieldNames())
                .isEqualTo(bed.referral(counterpartId).get("payload", Document.class).keySet())
                .doesNotContain("employer", "location", "exploitationType", "narrative");
    }

    @Test
    void shouldListOnlyTheAgencysOwnReferralsWithDeadlinesAndStates() throws Exception {
        // when
        JsonObject list = bed.get("/api/agency/referrals", bed.labour).json();

        // then
        assertThat(list.getString("agencyId")).isEqualTo("mol-labour");
        assertThat(list.getJsonArray("referrals")).singleElement().satisfies(item -> {
            JsonObject r = (JsonObject) item;
            assertThat(r.getString("id")).isEqualTo(tipId + ":mol-labour");
            assertThat(r.getString("ackDeadline")).isNotBlank();
            assertThat(r.getString("state")).isNotBlank();
            assertThat(r.getBoolean("overdue")).isFalse();
        });
        assertThat(list.getJsonArray("outcomeCodes")).contains("investigation_opened", "no_action");
    }

    @Test
    void shouldAnswer404ForAnotherAgencysReferralAndChangeNothing() throws Exception {
        // given
        String theirs = tipId + ":sl-counterpart";
        Document before = bed.referral(theirs);

        // when
        Response view = bed.get(path(theirs), bed.labour);
        Response unknown = bed.get(path(tipId + ":no-such-agency"), bed.labour);
        Response ack = bed.post(answerPath(theirs, "ack"), bed.labour, "{}");
        Response decline = bed.post(answerPath(theirs, "decline"), bed.labour, "{\"reason\":\"not ours\"}");
        Response outcome = bed.post(answerPath(theirs, "outcome"), bed.labour, "{\"code\":\"closed\"}");

        // then: the same answer as for a referral that does not exist, so nothing is confirmed
        assertThat(List.of(view.status(), ack.status(), decline.status(), outcome.status())).containsOnly(404);
        assertThat(view.body()).isEqualTo(unknown.body()).doesNotContain("sl-counterpart");
        assertThat(answers(bed.referral(theirs))).isEqualTo(answers(before));
        assertThat(bed.audited("referral.view", theirs)).isEqualTo(1);
    }

    @Test
    void shouldAuditEachViewOfAReferral() throws Exception {
        // given
        String mine = tipId + ":mol-labour";

        // when
        bed.get(path(mine), bed.labour);
        bed.get(path(mine), bed.labour);

        // then
        assertThat(bed.audited("referral.view", mine)).isEqualTo(2);
    }

    @Test
    void shouldRefuseAnswersWithoutAValidCredentialAndChangeNothing() throws Exception {
        // given
        String mine = tipId + ":mol-labour";
        Document before = bed.referral(mine);

        // when
        Response none = bed.post(answerPath(mine, "ack"), (Staff.Session) null, "{}");
        Response forged = bed.post(answerPath(mine, "ack"), "Bearer not-a-session-token", "{}", Map.of());
        Response operator = bed.post(answerPath(mine, "ack"), bed.operator, "{}");
        Response list = bed.get("/api/agency/referrals", null);

        // then
        assertThat(none.status()).isEqualTo(401);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(operator.status()).isEqualTo(403);
        assertThat(list.status()).isEqualTo(401);
        assertThat(answers(bed.referral(mine))).isEqualTo(answers(before));
    }

    @Test
    void shouldTreatRepeatedAnswersAsIdempotent() throws Exception {
        // given
        String mine = tipId + ":mol-labour";

        // when
        JsonObject first = bed.post(answerPath(mine, "ack"), bed.labour, "{}").json();
        Document afterFirst = bed.referral(mine);
        JsonObject second = bed.post(answerPath(mine, "ack"), bed.labour, "{}").json();
        JsonObject outcome = bed.post(answerPath(mine, "outcome"), bed.labour,
                "{\"code\":\"investigation_opened\",\"note\":\"inspectors visit on Monday\"}").json();
        Document afterOutcome = bed.referral(mine);
        Response outcomeAgain = bed.post(answerPath(mine, "outcome"), bed.labour,
                "{\"code\":\"investigation_opened\",\"note\":\"again\"}");

        // then
        assertThat(first.getString("result")).isEqualTo("applied");
        assertThat(first.getBoolean("alreadyApplied")).isFalse();
        assertThat(first.getJsonObject("referral").getString("state")).isEqualTo("ACKNOWLEDGED");
        assertThat(second.getString("result")).isEqualTo("alreadyApplied");
        assertThat(second.getBoolean("alreadyApplied")).isTrue();
        assertThat(outcome.getJsonObject("referral").getString("state")).isEqualTo("OUTCOME_RECORDED");
        assertThat(outcome.getJsonObject("referral").getJsonArray("outcomes").encode()).contains("inspectors visit on Monday");
        assertThat(outcomeAgain.status()).isEqualTo(200);
        assertThat(outcomeAgain.json().getBoolean("alreadyApplied")).isTrue();
        assertThat(bed.referral(mine).get("history")).isEqualTo(afterOutcome.get("history"));
        assertThat(bed.referral(mine).get("outcomes")).isEqualTo(afterOutcome.get("outcomes"));
        assertThat(afterOutcome.getList("history", Document.class)).hasSize(afterFirst.getList("history", Document.class).size() + 1);
        assertThat(bed.audited("referral.acknowledge", mine)).isEqualTo(2);
    }

    @Test
    void shouldRefuseBadRequestsClearlyAndChangeNothing() throws Exception {
        // given: the referral delivered, so dispatch no longer touches it
        String mine = tipId + ":mol-labour";
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(bed.referral(mine).getString("state")));
        Document before = bed.referral(mine);

        // when
        Response notJson = bed.post(answerPath(mine, "decline"), bed.labour, "{\"reason\": ");
        Response array = bed.post(answerPath(mine, "decline"), bed.labour, "[\"reason\"]");
        Response huge = bed.post(answerPath(mine, "decline"), bed.labour, "{\"reason\":\"" + "x".repeat(5000) + "\"}");
        Response noReason = bed.post(answerPath(mine, "decline"), bed.labour, "{\"reason\":\"  \"}");
        Response longReason = bed.post(answerPath(mine, "decline"), bed.labour, "{\"reason\":\"" + "x".repeat(1001) + "\"}");
        Response badCode = bed.post(answerPath(mine, "outcome"), bed.labour, "{\"code\":\"solved\"}");
        Response noNote = bed.post(answerPath(mine, "outcome"), bed.labour, "{\"code\":\"no_action\"}");
        Response tooEarly = bed.post(answerPath(mine, "outcome"), bed.labour, "{\"code\":\"closed\"}");
        Response badId = bed.post("/api/referrals/" + URLEncoder.encode("../../x", StandardCharsets.UTF_8) + "/ack",
                bed.labour, "{}");

        // then
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().getString("code")).isEqualTo("invalid_json");
        assertThat(array.status()).isEqualTo(400);
        assertThat(huge.status()).isEqualTo(413);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().getJsonObject("fields").getString("reason")).isNotBlank();
        assertThat(longReason.status()).isEqualTo(400);
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.json().getJsonObject("fields").getString("code")).contains("investigation_opened");
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.json().getString("code")).isEqualTo("wrong_state");
        assertThat(badId.status()).isEqualTo(404);
        assertThat(answers(bed.referral(mine))).isEqualTo(answers(before));
    }


    /** No field outside the referral's stored payload, by name or by value, in any of {@code bodies}. */
    private void assertOnlyProfileFields(String referralId, List<String> bodies) {
        Set<String> allowed = bed.referral(referralId).get("payload", Document.class).keySet();
        List<String> checked = new ArrayList<>();
        AgencyBed.TIP_VALUES.forEach((field, value) -> {
            if (allowed.contains(field)) {
                return;
            }
            checked.add(field);
            for (String body : bodies) {
                assertThat(body).as("response to %s leaks %s", referralId, field).doesNotContain("\"" + field + "\"");
                if (value != null) {
                    assertThat(body).as("response to %s leaks the value of %s", referralId, field).doesNotContain(value);
                }
            }
        });
        assertThat(checked).as("fields withheld from %s", referralId).isNotEmpty();
    }

    /**
     * What answers change on a referral (its state also moves with dispatch, so it is checked to be unanswered
     * instead).
     */
    private static List<Object> answers(Document referral) {
        assertThat(referral.getString("state")).isNotIn("ACKNOWLEDGED", "DECLINED", "OUTCOME_RECORDED");
        return java.util.Arrays.asList(referral.get("history"), referral.get("outcomes"),
                referral.getString("declineReason"), referral.get("acknowledgedAt"), referral.get("declinedAt"));
    }

    private static String path(String referralId) {
        return "/api/agency/referrals/" + URLEncoder.encode(referralId, StandardCharsets.UTF_8);
    }

    private static String answerPath(String referralId, String action) {
        return "/api/referrals/" + URLEncoder.encode(referralId, StandardCharsets.UTF_8) + "/" + action;
    }
}
