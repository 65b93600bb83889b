package org.hotline.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.Document;
import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;
import org.hotline.core.cli.PrivacyCliAccess;
import org.hotline.core.testsupport.RecordingAgency;
import org.hotline.ivr.sim.AsteriskSimulator;
import org.hotline.ivr.sim.CallResult;
import org.hotline.ivr.sim.CallSetup;
import org.hotline.ivr.sim.CallerScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Privacy on a running node, over real sockets: a caller who leaves a number for a callback and a recorded
 * message; what MongoDB, the files of the data directory and the logs hold afterwards; key rotation and the
 * audit check run from the command line beside the running service.
 */
class PrivacyIT {

    private static final String NUMBER = "0776543210";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private PrintStream originalOut;
    private Vertx vertx;
    private RecordingAgency agencies;
    private Hotline hotline;
    private Map<String, String> env;
    private MongoClient plain;

    @BeforeEach
    void start() {
        originalErr = System.err;
        originalOut = System.out;
        System.setErr(new PrintStream(new Tee(originalErr, logs), true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(new Tee(originalOut, logs), true, StandardCharsets.UTF_8));
        vertx = Vertx.vertx();
        agencies = RecordingAgency.start(vertx);
        env = TestNode.env(dir, agencies);
        hotline = Hotline.start(HotlineConfig.fromEnv(env), env, Clock.systemUTC());
        plain = MongoClients.create(hotline.mongo().connectionString());
    }

    @AfterEach
    void stop() {
        plain.close();
        hotline.close();
        agencies.close();
        vertx.close();
        System.setErr(originalErr);
        System.setOut(originalOut);
    }

    @Test
    void shouldKeepTheCallersNumberAndRecordingOutOfTheDatabaseFilesAndLogsInClear() throws Exception {
        // when: a caller with caller id reports, records a message and asks for a callback
        CallResult call = callWithCallback();
        String reference = call.variables().get("HOTLINE_REFERENCE");
        Document raw = awaitRoutedTip(reference);

        // then: the raw document read with the plain driver holds the number and recording only encrypted
        assertThat(raw.getString("callerNumber")).startsWith("enc1:k1:");
        assertThat(raw.getString("recording")).startsWith("enc1:k1:");
        assertThat(raw.getString("callerHash")).matches("[0-9a-f]{64}");
        String recording = hotline.tipCipher().open(raw).getString("recording");
        assertThat(recording).isNotBlank();
        assertThat(raw.toJson()).doesNotContain(NUMBER, "6543210", recording);
        // and: the caller's number is readable for the callback, and that read is audited
        assertThat(hotline.tipPrivacy().callbackNumber(reference, "op-1")).contains(NUMBER);
        assertThat(db().getCollection("audit_log").countDocuments(
                Filters.eq("action", "tip.caller_number.read"))).isEqualTo(1);
        // and: no referral payload, audit entry, file in the data directory or log line holds it in clear
        for (String collection : List.of("referrals", "audit_log")) {
            db().getCollection(collection).find()
                    .forEach(d -> assertThat(d.toJson()).as(collection).doesNotContain(NUMBER));
        }
        hotline.mongo().flush();
        assertThat(filesContaining(hotline.dataDir(), NUMBER)).isEmpty();
        assertThat(logs.toString(StandardCharsets.UTF_8)).contains(reference).doesNotContain(NUMBER);
    }

    @Test
    void shouldKeepOnlyTheHashWithoutCallbackConsent() {
        // when
        CallResult call = new AsteriskSimulator("127.0.0.1", hotline.agiPort())
                .call(CallSetup.of("hotline").withCallerId(NUMBER), Calls.forcedLabourReport());
        // then
        Document raw = awaitRoutedTip(call.variables().get("HOTLINE_REFERENCE"));
        assertThat(raw).doesNotContainKey("callerNumber");
        assertThat(raw.getString("callerHash")).matches("[0-9a-f]{64}");
        assertThat(raw.toJson()).doesNotContain(NUMBER);
    }

    @Test
    void shouldGiveADangerCallersNumberToThePoliceOnlyThroughTheImmediateDangerOverride() {
        // when: a caller with caller id presses the danger key during the safety notice (no callback consent)
        CallResult call = new AsteriskSimulator("127.0.0.1", hotline.agiPort())
                .call(CallSetup.of("hotline").withCallerId(NUMBER), CallerScript.pressing("1").bargeIn("9"));

        // then: the number is kept encrypted for that purpose only
        assertThat(call.status()).isEqualTo("EMERGENCY");
        String reference = call.variables().get("HOTLINE_REFERENCE");
        Document raw = awaitRoutedTip(reference);
        assertThat(raw).doesNotContainKey("callerNumber");
        assertThat(raw.getString("dangerCallerNumber")).startsWith("enc1:k1:");
        assertThat(raw.toJson()).doesNotContain(NUMBER);
        assertThat(hotline.tipPrivacy().callbackNumber(reference, "op-1")).isEmpty();
        // and: the police unit the immediate-danger rule names receives it, as the rule's override releases it
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(agencies.effectiveDeliveries().values())
                .anySatisfy(r -> {
                    assertThat(r.path()).endsWith("/lnp-ahtu");
                    assertThat(new io.vertx.core.json.JsonObject(r.body()).encode()).contains(NUMBER);
                }));
        assertThat(agencies.effectiveDeliveries().values()).filteredOn(r -> !r.path().endsWith("/lnp-ahtu"))
                .allSatisfy(r -> assertThat(r.body()).doesNotContain(NUMBER));
        db().getCollection("referrals").find().forEach(d -> assertThat(d.toJson()).doesNotContain(NUMBER));
    }

    @Test
    void shouldRotateKeysBesideTheRunningServiceAndLeaveEveryTipReadable() throws Exception {
        // given
        String first = callWithCallback().variables().get("HOTLINE_REFERENCE");
        String second = callWithCallback().variables().get("HOTLINE_REFERENCE");
        awaitRoutedTip(first);
        awaitRoutedTip(second);
        // when
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = PrivacyCliAccess.run(env, out, "keys", "rotate");
        // then
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("new active key k2", "2 tips re-encrypted", "0 left");
        for (String reference : List.of(first, second)) {
            Document raw = tips().find(Filters.eq("reference", reference)).first();
            assertThat(raw.getList("encKeys", String.class)).containsExactly("k2");
            assertThat(raw.getString("callerNumber")).startsWith("enc1:k2:");
            assertThat(hotline.tipPrivacy().callbackNumber(reference, "op-1")).contains(NUMBER);
        }
        // and: a new call is encrypted with the new key by the running node
        Document third = awaitRoutedTip(callWithCallback().variables().get("HOTLINE_REFERENCE"));
        assertThat(third.getString("callerNumber")).startsWith("enc1:k2:");
    }

    @Test
    void shouldVerifyTheAuditLogBesideTheRunningServiceAndFailAfterTampering() throws Exception {
        // given: some audited activity
        String reference = callWithCallback().variables().get("HOTLINE_REFERENCE");
        awaitRoutedTip(reference);
        hotline.tipPrivacy().callbackNumber(reference, "op-1");
        hotline.audit().record(org.hotline.core.audit.AuditEvent.of("op-1", "tip.read", reference));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(PrivacyCliAccess.run(env, out, "audit", "verify")).as(out.toString(StandardCharsets.UTF_8)).isZero();
        // when: an insider changes who read the tip
        MongoCollection<Document> log = db().getCollection("audit_log");
        long seq = log.find(Filters.eq("action", "tip.caller_number.read")).first().getLong("_id");
        log.updateOne(Filters.eq("_id", seq), Updates.set("actor", "op-2"));
        ByteArrayOutputStream after = new ByteArrayOutputStream();
        int exit = PrivacyCliAccess.run(env, after, "audit", "verify");
        // then
        assertThat(exit).isEqualTo(1);
        assertThat(after.toString(StandardCharsets.UTF_8)).contains("TAMPERED at entry " + seq);
    }

    private CallResult callWithCallback() {
        CallerScript caller = CallerScript.pressing("1").silence() // English, notice
                .press("1")                                       // report
                .press("1").press("1").press("2")                 // forced labour, first region, Liberians
                .press("2").press("2")                            // no child, nobody in danger now
                .press("1").silence().press("#")                  // consent to record, listen, record, # ends
                .press("1").press("2")                            // callback yes, afternoon
                .press("2").press("1").press("1")                 // police no, services yes, statistics yes
                .silence().silence().silence();
        CallResult call = new AsteriskSimulator("127.0.0.1", hotline.agiPort())
                .call(CallSetup.of("hotline").withCallerId(NUMBER), caller);
        assertThat(call.variables().get("HOTLINE_REFERENCE")).matches("\\d{9}");
        return call;
    }

    private Document awaitRoutedTip(String reference) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Document tip = tips().find(Filters.eq("reference", reference)).first();
            return tip != null && Boolean.TRUE.equals(tip.getBoolean("routed"));
        });
        return tips().find(Filters.eq("reference", reference)).first();
    }

    private MongoCollection<Document> tips() {
        return db().getCollection("tips");
    }

    private com.mongodb.client.MongoDatabase db() {
        return plain.getDatabase("hotline");
    }

    private static List<Path> filesContaining(Path root, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(f -> contains(f, needle)).toList();
        }
    }

    private static boolean contains(Path file, byte[] needle) {
        try {
            byte[] data = Files.readAllBytes(file);
            outer:
            for (int i = 0; i <= data.length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (data[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes to the console as usual and keeps a copy of everything logged. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int x) throws IOException {
            a.write(x);
            synchronized (b) {
                b.write(x);
            }
        }

        @Override
        public void write(byte[] data, int off, int len) throws IOException {
            a.write(data, off, len);
            synchronized (b) {
                b.write(data, off, len);
            }
        }
    }
}
