package org.hotline.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.hotline.core.auth.Role;
import org.hotline.core.testsupport.Staff;
import org.hotline.ivr.sim.AsteriskSimulator;
import org.hotline.ivr.sim.CallResult;
import org.hotline.ivr.sim.CallerScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MongoDB stops mid-shift and comes back: operators keep working, and the log says so once each way. */
class OperatorsThroughMongoOutageIT {

    @TempDir
    Path dir;

    @Test
    void shouldKeepSignedInOperatorsSignedInAndAcknowledgeTheirNewReportsWhileMongoIsDown() throws Exception {
        try (OutageBed bed = new OutageBed(dir)) {
            // given an operator signed in before the outage
            Staff.create(bed.node.mongo(), "olu.operator", Set.of(Role.OPERATOR), Optional.empty());
            Staff.Session operator = Staff.signIn(bed.node.httpPort(), "olu.operator");

            // when MongoDB stops mid-shift
            bed.stopMongo();

            // then the operator is still signed in and a new report is acknowledged with a reference and PIN
            assertThat(bed.get("/api/console/form", operator).status()).isEqualTo(200);
            OutageBed.Response saved = bed.post("/api/console/intake", operator, newReport().encode());
            assertThat(saved.status()).as(saved.body()).isEqualTo(201);
            String reference = new JsonObject(saved.body()).getString("reference");
            assertThat(reference).matches("\\d{9}");
            assertThat(new JsonObject(saved.body()).getString("pin")).matches("\\d{4}");
            assertThat(bed.get("/api/console/form", operator).status()).isEqualTo(200);

            // and when MongoDB is back the report is stored as the operator's, audited, and the session still holds
            bed.startMongo();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(tip(bed, reference)).isNotNull());
            assertThat(tip(bed, reference).getString("source")).isEqualTo("operator");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(bed.node.mongo().database()
                    .getCollection("audit_log").find(new Document("action", "tip.create")
                            .append("target", reference)).first()).isNotNull());
            assertThat(bed.get("/api/console/form", operator).status()).isEqualTo(200);
        }
    }

    @Test
    void shouldKeepTheFormAndEmergencyForACallersTipWhileMongoIsDownAndApplyThemWhenItIsBack() throws Exception {
        try (OutageBed bed = new OutageBed(dir)) {
            // given a caller's IVR report and the operator who takes the call
            Staff.create(bed.node.mongo(), "olu.operator", Set.of(Role.OPERATOR), Optional.empty());
            Staff.Session operator = Staff.signIn(bed.node.httpPort(), "olu.operator");
            String reference = new AsteriskSimulator("127.0.0.1", bed.node.agiPort())
                    .call("hotline", Calls.forcedLabourReport()).variables().get("HOTLINE_REFERENCE");
            await().atMost(Duration.ofSeconds(10)).until(() -> tip(bed, reference) != null);

            // when MongoDB stops and the operator saves the caller's form, then presses emergency
            bed.stopMongo();
            OutageBed.Response form = bed.post("/api/console/intake", operator,
                    newReport().put("reference", reference).put("employer", "Kpatawee Rubber Farm").encode());
            OutageBed.Response emergency = bed.post("/api/console/tips/" + reference + "/emergency", operator,
                    "{\"note\":\"armed guards at the gate\"}");

            // then both are acknowledged as kept, saying what happens and what to do
            assertThat(form.status()).as(form.body()).isEqualTo(202);
            assertThat(new JsonObject(form.body()).getBoolean("kept")).isTrue();
            assertThat(emergency.status()).as(emergency.body()).isEqualTo(202);
            assertThat(new JsonObject(emergency.body()).getString("message")).contains("by phone now");

            // and when MongoDB is back both reach the tip, once, and the emergency goes out as IMMEDIATE referrals
            bed.startMongo();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    tip(bed, reference).getList("keptFormsApplied", String.class)).hasSize(2));
            Document stored = tip(bed, reference);
            assertThat(stored.getList("operatorIds", String.class)).contains(operator.userId());
            assertThat(stored.get("fields", Document.class).getString("employer")).startsWith("enc1:");
            assertThat(stored.getList("emergencies", Document.class)).hasSize(1);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(bed.node.mongo().database()
                    .getCollection("referrals").countDocuments(new Document("tipId", stored.getString("_id"))
                            .append("priority", "IMMEDIATE"))).isPositive());
        }
    }

    @Test
    void shouldSayOnceThatMongoIsDownAndOnceThatItIsBackWithTheBacklog() throws Exception {
        try (OutageBed bed = new OutageBed(dir)) {
            // given a node at work with an operator signed in
            Staff.create(bed.node.mongo(), "olu.operator", Set.of(Role.OPERATOR), Optional.empty());
            Staff.Session operator = Staff.signIn(bed.node.httpPort(), "olu.operator");
            int before = bed.logLines().size();

            // when MongoDB is away for a while and a report is taken meanwhile
            bed.stopMongo();
            assertThat(bed.post("/api/console/intake", operator, newReport().encode()).status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(10)).until(() -> !since(bed, before, "MongoDB is down").isEmpty());
            await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(warnings(bed, before)).hasSize(1));

            // then the log said it once, and once that it is back, with what waited
            bed.startMongo();
            await().atMost(Duration.ofSeconds(20)).until(() -> !since(bed, before, "MongoDB is back").isEmpty());
            assertThat(since(bed, before, "MongoDB is down")).hasSize(1);
            assertThat(since(bed, before, "MongoDB is back")).singleElement().asString().contains("1 tips");
            assertThat(warnings(bed, before)).hasSize(1);
        }
    }

    @Test
    void shouldTellAFollowUpCallerItCannotCheckNowAndOfferTheOperator() throws Exception {
        try (OutageBed bed = new OutageBed(dir)) {
            // given a caller who reported and heard a reference and PIN
            AsteriskSimulator asterisk = new AsteriskSimulator("127.0.0.1", bed.node.agiPort());
            CallResult report = asterisk.call("hotline", Calls.forcedLabourReport());
            String reference = report.variables().get("HOTLINE_REFERENCE");
            await().atMost(Duration.ofSeconds(10)).until(() -> tip(bed, reference) != null);

            // when MongoDB is down as they call back to follow up, and they take the operator
            bed.stopMongo();
            CallResult followUp = asterisk.call("followup", CallerScript.pressing("1", reference + "#", "1234")
                    .press("1"));

            // then they hear that the check is not possible now and are handed to the operator queue
            assertThat(followUp.promptsHeard()).contains("en/hotline/fu_unavailable")
                    .noneMatch(p -> p.contains("status_") || p.contains("fu_wrong_pin"));
            assertThat(followUp.variables()).containsEntry("HOTLINE_STATUS", "OPERATOR");

            // and a caller who does not want the operator ends with a goodbye, not a failure
            CallResult declined = asterisk.call("followup", CallerScript.pressing("1", reference + "#", "1234")
                    .press("2"));
            assertThat(declined.promptsHeard()).containsSubsequence("en/hotline/fu_unavailable", "en/hotline/goodbye");
            assertThat(declined.variables()).containsEntry("HOTLINE_STATUS", "DONE");
        }
    }

    @Test
    void shouldJournalCallRecordsWhileMongoIsDownAndWriteThemWhenItIsBack() throws Exception {
        try (OutageBed bed = new OutageBed(dir)) {
            // given MongoDB down mid-shift
            AsteriskSimulator asterisk = new AsteriskSimulator("127.0.0.1", bed.node.agiPort());
            long before = bed.node.mongo().database().getCollection("calls").countDocuments();
            int logBefore = bed.logLines().size();
            bed.stopMongo();

            // when two calls end during the outage (the first before the node noticed it)
            asterisk.call("hotline", Calls.forcedLabourReport());
            await().atMost(Duration.ofSeconds(10)).until(() -> !since(bed, logBefore, "MongoDB is down").isEmpty());
            asterisk.call("hotline", Calls.forcedLabourReport());

            // then both records are written once MongoDB is back, and none was given up
            bed.startMongo();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(bed.node.mongo().database()
                    .getCollection("calls").countDocuments(new Document("status", "DONE"))).isEqualTo(before + 2));
            assertThat(since(bed, logBefore, "Call record not stored")).isEmpty();
            await().atMost(Duration.ofSeconds(10)).until(() -> !since(bed, logBefore, "MongoDB is back").isEmpty());
            assertThat(since(bed, logBefore, "MongoDB is back")).singleElement().asString().contains("call records");
        }
    }

    private static JsonObject newReport() {
        return new JsonObject().put("language", "en").put("callerRole", "witness")
                .put("exploitationType", "forced_labour").put("region", "MO").put("childInvolved", false)
                .put("immediateDanger", false).put("narrative", "workers cannot leave the camp")
                .put("victims", new JsonObject().put("count", 3).put("ageGroup", "adult_18_25").put("gender", "male")
                        .put("nationality", "SL"))
                .put("consents", new JsonObject().put("record", false).put("callback", false)
                        .put("share_identity_police", false).put("share_services", true).put("statistics", true));
    }

    private static Document tip(OutageBed bed, String reference) {
        return bed.node.mongo().database().getCollection("tips").find(new Document("reference", reference)).first();
    }

    private static List<String> since(OutageBed bed, int from, String text) {
        List<String> lines = bed.logLines();
        return lines.subList(from, lines.size()).stream().filter(l -> l.contains(text)).toList();
    }

    /**
     * This node's warnings and errors since line {@code from}. The node has no AMI, so a line of Asterisk-Java's
     * threads comes from another test's client in this JVM (AmiClientIT checks that none is left behind).
     */
    private static List<String> warnings(OutageBed bed, int from) {
        List<String> lines = bed.logLines();
        return lines.subList(from, lines.size()).stream()
                .filter(l -> l.contains(" WARN ") || l.contains(" ERROR ")).filter(l -> !l.contains("[Asterisk-Java "))
                .toList();
    }
}
