package org.hotline.core.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.hotline.core.testsupport.RecordingAgency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The intake form and the emergency button on a real node: IVR call over FastAGI, agencies over HTTP. */
class ConsoleIntakeIT {

    @TempDir
    Path dir;

    private ConsoleNode node;

    @BeforeEach
    void start() throws Exception {
        node = new ConsoleNode(dir);
    }

    @AfterEach
    void stop() throws Exception {
        node.close();
    }

    @Test
    void shouldCompleteAnIvrTipAndSendTheNewInformationAsAnUpdateToTheAgencyAlreadyReferred() throws Exception {
        // given: the IVR report reached the labour inspectorate
        String reference = node.ivrReport();
        await().atMost(Duration.ofSeconds(20)).until(() -> requestsTo("mol-labour").size() == 1);
        // when
        ConsoleNode.Response answer = node.post("/api/console/intake", node.operator,
                IntakeFormBodies.forcedLabour().put("reference", reference).encode());
        // then
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().getInteger("revision")).isEqualTo(1);
        assertThat(answer.json().getJsonArray("updated").getList()).containsExactly("mol-labour");
        await().atMost(Duration.ofSeconds(20)).until(() -> requestsTo("mol-labour").size() == 2);
        String update = requestsTo("mol-labour").get(1).body();
        assertThat(update).contains(reference, "\"update\":true", IntakeFormBodies.EMPLOYER, "debt_bondage");
        Document stored = node.tip(reference);
        String base = stored.getString("_id") + ":mol-labour";
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(node.referral(base + ":update-1").getString("state")));
        // the node's own status look-up reads each agency's state from its referral (the tip keeps no copy)
        assertThat(node.get("/api/tips/" + reference, node.operator).json().getJsonObject("referrals")
                .getJsonObject("mol-labour").getString("state")).isEqualTo(node.referral(base).getString("state"));
        assertThat(stored.getList("operatorIds", String.class)).containsExactly(node.operator.userId());
        assertThat(stored.get("fields", Document.class).getInteger("victimCount")).isEqualTo(12);
        assertThat(stored.toJson()).as("personal values are stored encrypted").doesNotContain("Kpatawee", "rubber camp");
        JsonObject mine = node.get("/api/console/tips/mine", node.operator).json();
        assertThat(mine.getJsonArray("tips").getJsonObject(0).getString("reference")).isEqualTo(reference);
        List<JsonObject> referrals = mine.getJsonArray("tips").getJsonObject(0).getJsonArray("referrals").stream()
                .map(JsonObject.class::cast).toList();
        assertThat(referrals).filteredOn(r -> r.getString("agencyId").equals("mol-labour"))
                .extracting(r -> r.getBoolean("update")).containsExactlyInAnyOrder(false, true);
        assertThat(answer.json().getJsonArray("recipients").getList())
                .as("the victims' nationality (SL) now also brings in the counterpart abroad")
                .contains("mol-labour", "sl-counterpart");
    }

    @Test
    void shouldCreateANewTipOfSourceOperatorWithReferenceAndPinAndRouteIt() throws Exception {
        // when
        ConsoleNode.Response answer = node.post("/api/console/intake", node.operator,
                IntakeFormBodies.forcedLabour().encode());
        // then
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        String reference = answer.json().getString("reference");
        assertThat(reference).matches("\\d{9}");
        assertThat(answer.json().getString("pin")).matches("\\d{4}");
        await().atMost(Duration.ofSeconds(20)).until(() -> requestsTo("mol-labour").size() == 1);
        assertThat(requestsTo("mol-labour").getFirst().body()).contains(reference, IntakeFormBodies.EMPLOYER);
        Document stored = node.tip(reference);
        assertThat(stored.getString("source")).isEqualTo("operator");
        assertThat(stored.getString("outcome")).isEqualTo("OPERATOR");
        assertThat(stored.get("consentRecords", Document.class).get("share_services", Document.class)
                .getString("wording")).isEqualTo(IntakeService.CONSENT_WORDING);
        assertThat(stored.toJson()).doesNotContain("Kpatawee");
    }

    @Test
    void shouldLetTheOperatorReadANewReportBackAsSoonAsItsSaveAnswers() throws Exception {
        // when: the save answers (a caller's tip may reach MongoDB just after the call; an operator's may not)
        ConsoleNode.Response answer = node.post("/api/console/intake", node.operator,
                IntakeFormBodies.forcedLabour().encode());
        String reference = answer.json().getString("reference");

        // then: without waiting, the tip is in MongoDB and the operator's next save of the form finds it
        assertThat(node.tip(reference)).isNotNull();
        JsonObject more = IntakeFormBodies.forcedLabour().put("reference", reference);
        ConsoleNode.Response saved = node.post("/api/console/intake", node.operator, more.encode());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    @Test
    void shouldEscalateAnEmergencySoThePoliceGetAnImmediateReferral() throws Exception {
        // given
        String reference = node.ivrReport();
        await().atMost(Duration.ofSeconds(20)).until(() -> requestsTo("mol-labour").size() == 1);
        // when
        ConsoleNode.Response answer = node.post("/api/console/tips/" + reference + "/emergency", node.operator,
                new JsonObject().put("note", "caller says the guards are armed").encode());
        // then
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().getJsonArray("recipients").getList()).contains("lnp-ahtu", "mol-labour");
        await().atMost(Duration.ofSeconds(20)).until(() -> requestsTo("lnp-ahtu").size() == 1);
        String tipId = node.tip(reference).getString("_id");
        assertThat(node.referral(tipId + ":lnp-ahtu").getString("priority")).isEqualTo("IMMEDIATE");
        assertThat(node.tip(reference).get("fields", Document.class).getBoolean("immediateDanger")).isTrue();
        // a repeat changes nothing for the police: one referral per agency
        node.post("/api/console/tips/" + reference + "/emergency", node.operator, "");
        assertThat(node.node.mongo().database().getCollection("referrals")
                .countDocuments(new Document("_id", tipId + ":lnp-ahtu"))).isEqualTo(1);
    }

    @Test
    void shouldRefuseAnInvalidFormFieldByFieldAndChangeNothing() throws Exception {
        // given
        String reference = node.ivrReport();
        JsonObject bad = IntakeFormBodies.forcedLabour().put("reference", reference).put("region", "ZZ");
        bad.getJsonObject("victims").put("count", 0);
        bad.getJsonObject("consents").remove("statistics");
        // when
        ConsoleNode.Response answer = node.post("/api/console/intake", node.operator, bad.encode());
        // then
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().getString("code")).isEqualTo("invalid_fields");
        assertThat(answer.json().getJsonObject("fields").fieldNames())
                .containsExactlyInAnyOrder("region", "victims.count", "consents.statistics");
        assertThat(node.tip(reference).get("intakeRevision")).isNull();
        assertThat(node.tip(reference).get("operatorIds")).isNull();
    }

    @Test
    void shouldAnswerClearErrorsForUnknownTipsBadReferencesBadJsonAndOversizeBodies() throws Exception {
        ConsoleNode.Response unknown = node.post("/api/console/intake", node.operator,
                IntakeFormBodies.forcedLabour().put("reference", "000000000").encode());
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        ConsoleNode.Response badReference = node.post("/api/console/tips/12345/emergency", node.operator, "");
        assertThat(badReference.status()).isEqualTo(400);
        assertThat(badReference.json().getString("code")).isEqualTo("invalid_reference");
        ConsoleNode.Response notJson = node.post("/api/console/intake", node.operator, "{nope");
        assertThat(notJson.json().getString("code")).isEqualTo("invalid_json");
        ConsoleNode.Response huge = node.post("/api/console/intake", node.operator,
                IntakeFormBodies.forcedLabour().put("narrative", "x".repeat(40_000)).encode());
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.json().getString("code")).isEqualTo("body_too_large");
    }

    private List<RecordingAgency.Received> requestsTo(String agency) {
        return node.agencies.requests().stream().filter(r -> r.path().endsWith("/agencies/" + agency)).toList();
    }
}
