package org.hotline.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.hotline.core.auth.Role;
import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;
import org.hotline.core.testsupport.RecordingAgency;
import org.hotline.core.testsupport.StandardErrorCopy;
import org.hotline.core.testsupport.Staff;
import org.hotline.ivr.sim.AsteriskSimulator;
import org.hotline.ivr.sim.CallResult;
import org.hotline.ivr.sim.CallerScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The steps of {@code ivr-flows/README.md} "Adding a language", on a real node: a partial Burmese catalogue and a
 * key for it, a restart, a call in it; the metrics, the statistics and the intake form then know the language.
 */
class LanguageAddedIT {

    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = HttpClient.newHttpClient();
    private RecordingAgency agencies;
    private Hotline hotline;

    @AfterEach
    void stop() {
        if (hotline != null) {
            hotline.close();
        }
        agencies.close();
        vertx.close();
    }

    @Test
    void shouldServeCountAndOfferAPartialLanguageAddedAsFilesAcrossARestart() throws Exception {
        // given: a node running the shipped flows
        agencies = RecordingAgency.start(vertx);
        Map<String, String> env = TestNode.env(dir, agencies);
        env.put("HOTLINE_STATS_MIN_CELL", "1");
        env.put("HOTLINE_TOTP_REQUIRED_ROLES", "none");
        Path flows = Path.of(env.get("HOTLINE_FLOWS_DIR"));
        hotline = Hotline.start(HotlineConfig.fromEnv(env), env, Clock.systemUTC());
        Staff.create(hotline.mongo(), "sam.supervisor", Set.of(Role.SUPERVISOR, Role.OPERATOR), Optional.empty());
        hotline.close();
        hotline = null;

        // when: step 1, a catalogue with what is translated so far; step 3, a key for it in the language menu
        Files.writeString(flows.resolve("prompts/my.yaml"), """
                language: my
                prompts:
                  safety_notice: {file: hotline/safety_notice, text: "ဤဖုန်းခေါ်ဆိုမှုသည် အခမဲ့ဖြစ်ပြီး လျှို့ဝှက်ထားပါသည်။"}
                  goodbye: {file: hotline/goodbye, text: "ဖုန်းခေါ်ဆိုသည့်အတွက် ကျေးဇူးတင်ပါသည်။"}
                """);
        Path hotlineFlow = flows.resolve("hotline.yaml");
        Files.writeString(hotlineFlow, Files.readString(hotlineFlow).replace(
                "options: {\"1\": en, \"2\": fr, \"3\": es}", "options: {\"1\": en, \"2\": fr, \"3\": es, \"4\": my}"));
        // the node restarts on the partial catalogue (the region prompts of the pathway are not translated)
        String startLog;
        try (StandardErrorCopy log = new StandardErrorCopy()) {
            hotline = Hotline.start(HotlineConfig.fromEnv(env), env, Clock.systemUTC());
            startLog = log.text();
        }
        AsteriskSimulator asterisk = new AsteriskSimulator("127.0.0.1", hotline.agiPort());
        CallResult burmese = asterisk.call("hotline", report("4"));
        CallResult french = asterisk.call("hotline", report("2"));

        // then: the start-up said once which prompts Burmese still plays in English
        assertThat(startLog.lines().filter(l -> l.contains("partial prompt catalogues"))).singleElement()
                .satisfies(line -> assertThat(line).contains("WARN", "my (", "main_menu", "region_mo")
                        .doesNotContain("safety_notice,"));
        // and: both callers heard a reference, in the prompts their catalogue has
        assertThat(burmese.variables()).containsKey("HOTLINE_REFERENCE").containsEntry("HOTLINE_LANG", "my");
        assertThat(burmese.commands()).anySatisfy(c -> assertThat(c).startsWith("STREAM FILE \"my/hotline/safety_notice\""));
        assertThat(burmese.promptsHeard()).contains("en/hotline/main_menu");
        assertThat(french.promptsHeard()).contains("fr/hotline/main_menu");
        // the metrics count each call in its caller's language
        String metrics = get("/metrics", "Bearer " + TestNode.METRICS_TOKEN).body();
        assertThat(metrics).contains("hotline_calls_total{outcome=\"DONE\",language=\"my\",} 1.0")
                .contains("hotline_calls_total{outcome=\"DONE\",language=\"fr\",} 1.0")
                .doesNotContain("hotline_calls_total{outcome=\"DONE\",language=\"en\",}");
        // the statistics count the tips by language, and list every language the IVR offers
        String session = Staff.signIn(hotline.httpPort(), "sam.supervisor").bearer();
        await().atMost(Duration.ofSeconds(10)).until(() -> hotline.mongo().database().getCollection("tips")
                .countDocuments(new Document("fields.language", "my")) == 1);
        JsonObject byLanguage = new JsonObject(get("/api/stats", session).body()).getJsonObject("tips")
                .getJsonObject("byLanguage");
        assertThat(byLanguage.getJsonObject("my")).isEqualTo(new JsonObject().put("count", 1));
        assertThat(byLanguage.getJsonObject("fr")).isEqualTo(new JsonObject().put("count", 1));
        assertThat(byLanguage.fieldNames()).contains("en", "es");
        // and the operator's intake form offers it
        JsonObject form = new JsonObject(get("/api/console/form", session).body());
        assertThat(form.getJsonArray("languages").getList()).containsExactly("en", "es", "fr", "my", "other");
    }

    /** A forced-labour report in the language of {@code languageKey}, as {@link Calls#forcedLabourReport()}. */
    private static CallerScript report(String languageKey) {
        return CallerScript.pressing(languageKey).silence().press("1").press("1").press("1").press("2").press("2")
                .press("2").press("2").press("2").press("2").press("1").press("1").silence().silence().silence();
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + hotline.httpPort() + path))
                .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response;
    }
}
