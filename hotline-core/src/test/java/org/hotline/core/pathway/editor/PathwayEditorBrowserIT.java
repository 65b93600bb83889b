package org.hotline.core.pathway.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;
import org.hotline.core.auth.Role;
import org.hotline.core.e2e.TestFiles;
import org.hotline.core.e2e.TestNode;
import org.hotline.core.pathway.internal.MongoPathwayVersions;
import org.hotline.core.testsupport.BrowserScripts;
import org.hotline.core.testsupport.RecordingAgency;
import org.hotline.core.testsupport.Staff;
import org.hotline.ivr.sim.AsteriskSimulator;
import org.hotline.ivr.sim.CallerScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pathway editor in headless Chromium against a real node started from the shipped national pathway
 * (2026.1). A ministry administrator uploads 2026.2 with two errors and sees both at their lines, fixes them,
 * simulates, compares and submits; a second administrator approves and activates it; a call through the IVR
 * (Asterisk simulator over FastAGI) is then routed by 2026.2, and after a rollback in the page by 2026.1 again.
 * Screenshots land in {@code <build dir>/screenshots/pathway-*.png}.
 */
class PathwayEditorBrowserIT {

    private static final Path NATIONAL_V2 = TestFiles.REPO.resolve("pathway-config/examples/national-v2.yaml");
    /** Domestic servitude in Nimba: 2026.2 adds the Nimba shelter to such tips. */
    private static final String NIMBA_TIP = """
            - reference: HT-EDITOR-NI
              language: en
              callerRole: victim
              exploitationType: domestic_servitude
              region: NI
              victimAgeGroup: adult
              needs: [shelter]
              consents: { share_services: true }
            """;

    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();
    private RecordingAgency agencies;
    private Hotline node;

    @BeforeEach
    void start() {
        BrowserScripts.require();
        agencies = RecordingAgency.start(vertx);
        Map<String, String> env = new HashMap<>(TestNode.env(dir, agencies));
        env.put("HOTLINE_PATHWAY_POLL", "100ms");
        node = Hotline.start(HotlineConfig.fromEnv(env), env, Clock.systemUTC());
        Staff.create(node.mongo(), "ama.ministry", Set.of(Role.MINISTRY_ADMIN), Optional.empty());
        Staff.create(node.mongo(), "kofi.ministry", Set.of(Role.MINISTRY_ADMIN), Optional.empty());
    }

    @AfterEach
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        if (agencies != null) {
            agencies.close();
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldTakeAPathwayFromUploadWithErrorsToActivationAndBackByRollback() throws Exception {
        // given: 2026.2 with an unknown region on line 284 and an unknown agency on line 317
        String fixed = Files.readString(NATIONAL_V2);
        String broken = replaceOnce(replaceOnce(fixed, "      region: [MO, MG, BG, NI]\n", "      region: [MO, MG, BG, NX]\n"),
                "      - agency: nattf\n        profile: coordinator\n        acknowledge_within: 1d\n",
                "      - agency: natf\n        profile: coordinator\n        acknowledge_within: 1d\n");
        Path brokenFile = Files.writeString(dir.resolve("national-2026.2.yaml"), broken);
        Path fixedFile = Files.writeString(dir.resolve("fixed.yaml"), fixed);
        Path extraTip = Files.writeString(dir.resolve("extra-tip.yaml"), NIMBA_TIP);
        Document before = nimbaCall();
        assertThat(before.getString("pathwayVersion")).isEqualTo("2026.1");

        // when: the administrators work in the editor
        JsonObject seen = script("approve", brokenFile.toString(), fixedFile.toString(), extraTip.toString());

        // then: both errors at their lines, in the list and the gutter; nothing stored from the invalid text
        assertThat(seen.getString("startActive")).contains("national:2026.1");
        assertThat(seen.getJsonArray("unlabelled")).isEmpty();
        assertThat(seen.getInteger("coverageGapCells")).isPositive();
        assertThat(seen.getString("coverageBefore")).contains(seen.getInteger("coverageGapCells") + " gap(s)");
        assertThat(lintErrors(seen)).containsExactly("284 unknown-region", "317 unknown-agency");
        assertThat(seen.getJsonArray("gutterErrors").getList()).containsExactly(284, 317);
        assertThat(seen.getString("lintSummary")).contains("2 error(s)", "Nothing was saved");
        assertThat(seen.getInteger("versionsAfterInvalid")).isEqualTo(1);
        assertThat(seen.getJsonObject("caretFirst").getMap()).containsEntry("line", 284).containsEntry("focused", true);
        assertThat(seen.getJsonObject("caretSecond").getMap()).containsEntry("line", 317).containsEntry("focused", true);
        assertThat(seen.getInteger("gutterErrorsAfterFix")).isZero();
        assertThat(seen.getString("draftState")).isEqualTo("DRAFT");
        // simulation shows each recipient's exact payload; the comparison names the tip that routes differently
        JsonObject nimba = simulated(seen, "HT-EDITOR-NI");
        assertThat(agencyIds(nimba)).contains("safe-haven", "mol-labour");
        assertThat(payloadOf(nimba, "safe-haven")).isEqualTo(new JsonObject().put("reference", "HT-EDITOR-NI")
                .put("language", "en").put("region", "NI").put("victimAgeGroup", "adult")
                .put("needs", new JsonArray().add("shelter")));
        assertThat(seen.getJsonArray("simulated").size()).isEqualTo(7);
        assertThat(seen.getJsonArray("routingChanges").encode()).contains("HT-EDITOR-NI", "safe-haven");
        assertThat(seen.getString("comparison")).contains("gn-counterpart", "other-forms");
        // two-person rule, then approval and activation by the second administrator
        assertThat(seen.getString("submittedState")).isEqualTo("SUBMITTED");
        assertThat(texts(seen, "historyAfterSubmit").getLast())
                .startsWith("DRAFT \u2192 SUBMITTED by you").endsWith("Shelter in Nimba; faster danger acknowledgement");
        assertThat(seen.getString("selfApproval")).contains("other than the one who submitted");
        assertThat(seen.getString("stateAfterSelfApproval")).isEqualTo("SUBMITTED");
        assertThat(seen.getString("approvedState")).isEqualTo("APPROVED");
        assertThat(texts(seen, "historyAfterApproval"))
                .anySatisfy(line -> assertThat(line).startsWith("DRAFT \u2192 SUBMITTED by ").doesNotContain("by you"));
        assertThat(texts(seen, "historyAfterApproval").getLast()).startsWith("SUBMITTED \u2192 APPROVED by you");
        assertThat(seen.getString("missingTime")).contains("date and time");
        assertThat(seen.getJsonArray("scheduled").encode()).contains("national:2026.2", "go live");
        assertThat(seen.getBoolean("activeAfterActivation")).isTrue();
        assertThat(seen.getString("oldState")).isEqualTo("RETIRED");
        assertThat(seen.getString("activeSummary")).contains("national:2026.2");
        assertThat(seen.getString("coverageAfter")).contains("national 2026.2: 0 gap(s)");
        assertThat(BrowserScripts.screenshots().resolve("pathway-lint-errors.png")).isNotEmptyFile();
        assertThat(BrowserScripts.screenshots().resolve("pathway-activated.png")).isNotEmptyFile();
        assertThat(versionState("national:2026.2")).isEqualTo("ACTIVE");

        // and a new call is routed by 2026.2: the Nimba shelter is among its recipients
        Document routedByNew = nimbaCall();
        assertThat(routedByNew.getString("pathwayVersion")).isEqualTo("2026.2");
        assertThat(recipients(routedByNew)).contains("safe-haven", "mol-labour");

        // when: the second administrator rolls back in the page
        JsonObject rolledBack = script("rollback");

        // then: a rollback without a reason is refused, one with a reason restores 2026.1 for the next call
        assertThat(rolledBack.getString("rollbackWithoutReason")).isNotBlank();
        assertThat(rolledBack.getString("stillActive")).isEqualTo("ACTIVE");
        assertThat(rolledBack.getString("rollbackMessage")).contains("national:2026.1");
        assertThat(rolledBack.getBoolean("restored")).isTrue();
        assertThat(rolledBack.getString("newState")).isEqualTo("RETIRED");
        assertThat(BrowserScripts.screenshots().resolve("pathway-rolled-back.png")).isNotEmptyFile();
        Document routedByOld = nimbaCall();
        assertThat(routedByOld.getString("pathwayVersion")).isEqualTo("2026.1");
        assertThat(recipients(routedByOld)).contains("mol-labour").doesNotContain("safe-haven");
    }

    private JsonObject script(String phase, String... files) throws Exception {
        List<String> args = new ArrayList<>(List.of("http://127.0.0.1:" + node.httpPort(), "ama.ministry",
                "kofi.ministry", Staff.PASSWORD, BrowserScripts.screenshots().toString(), phase));
        args.addAll(List.of(files));
        BrowserScripts.Run run = BrowserScripts.run("pathway.mjs", args, 180, line -> { });
        assertThat(run.exitCode()).as("browser script output: %s", run.lines()).isZero();
        JsonObject seen = new JsonObject(run.last());
        assertThat(seen.getJsonArray("problems")).isEmpty();
        return seen;
    }

    /** A caller reports domestic servitude in Nimba (keypad 5); answers the routed tip document. */
    private Document nimbaCall() throws Exception {
        CallerScript report = CallerScript.pressing("1").silence() // English, listen to the notice
                .press("1")                                         // report a situation
                .press("3").press("5").press("2")                   // domestic servitude, Nimba, Liberians
                .press("2").press("2")                              // no child, nobody in danger now
                .press("2")                                         // no recording
                .press("2")                                         // no callback
                .press("2").press("1").press("1")                   // police identity no, services yes, statistics yes
                .silence().silence().silence();
        String reference = new AsteriskSimulator("127.0.0.1", node.agiPort()).call("hotline", report)
                .variables().get("HOTLINE_REFERENCE");
        assertThat(reference).as("the call ends with a reference").isNotBlank();
        return await().atMost(Duration.ofSeconds(20)).until(() -> node.mongo().database().getCollection("tips")
                .find(new Document("reference", reference).append("routed", true)).first(), tip -> tip != null);
    }

    private String versionState(String label) {
        Document version = node.mongo().database().getCollection(MongoPathwayVersions.VERSIONS)
                .find(new Document("label", label)).first();
        return version == null ? null : version.getString("state");
    }

    private static List<String> recipients(Document tip) {
        return tip.getList("recipients", Document.class).stream().map(r -> r.getString("agencyId")).toList();
    }

    private static List<String> texts(JsonObject seen, String key) {
        return seen.getJsonArray(key).stream().map(String.class::cast).toList();
    }

    private static List<String> lintErrors(JsonObject seen) {
        return seen.getJsonArray("lintErrors").stream().map(JsonObject.class::cast)
                .map(e -> e.getInteger("line") + " " + e.getString("code")).toList();
    }

    private static JsonObject simulated(JsonObject seen, String reference) {
        return seen.getJsonArray("simulated").stream().map(JsonObject.class::cast)
                .filter(t -> reference.equals(t.getString("reference"))).findFirst()
                .orElseThrow(() -> new AssertionError("no simulation of " + reference + " in " + seen));
    }

    private static List<String> agencyIds(JsonObject tip) {
        JsonArray recipients = tip.getJsonArray("recipients");
        return recipients.stream().map(JsonObject.class::cast).map(r -> r.getString("agency")).toList();
    }

    private static JsonObject payloadOf(JsonObject tip, String agency) {
        return tip.getJsonArray("recipients").stream().map(JsonObject.class::cast)
                .filter(r -> agency.equals(r.getString("agency"))).findFirst().orElseThrow().getJsonObject("payload");
    }

    private static String replaceOnce(String text, String from, String to) {
        assertThat(text).as("the example still has %s", from).containsOnlyOnce(from);
        return text.replace(from, to);
    }
}
