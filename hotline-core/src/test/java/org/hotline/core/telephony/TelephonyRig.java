package org.hotline.core.telephony;

import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.hotline.core.ami.AmiClient;
import org.hotline.core.ami.AmiConfig;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.auth.AuthRoutes;
import org.hotline.core.auth.Role;
import org.hotline.core.auth.Sessions;
import org.hotline.core.auth.UserAccounts;
import org.hotline.core.auth.internal.SessionAccess;
import org.hotline.core.http.ApiRoutes;
import org.hotline.core.http.Health;
import org.hotline.core.http.HttpApi;
import org.hotline.core.live.internal.MongoOperatorDirectory;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.storage.MongoStore;
import org.hotline.core.telephony.internal.MongoLiveHandovers;
import org.hotline.core.testsupport.Staff;
import org.hotline.core.testsupport.ami.AmiSimulator;
import org.hotline.core.testsupport.ami.QueueEvents;
import org.hotline.core.testsupport.ami.QueueEvents.Caller;
import org.hotline.pathway.interpreter.InterpreterDirectory;

/**
 * The telephony API over real HTTP with real sign-in (operator {@code ana.operator} on {@link #ANA}, supervisor
 * {@code sam.supervisor} on {@link #SAM}), its AMI client logged in to the AMI simulator over TCP, hand-overs in the embedded
 * MongoDB; every audit entry kept in {@link #audited}.
 */
final class TelephonyRig implements AutoCloseable {

    static final String PASSWORD = "a long enough password";
    static final String ANA = "PJSIP/op-ana";
    static final String ANA_LEG = "PJSIP/op-ana-00000002";
    /** The supervisor's phone. */
    static final String SAM = "PJSIP/sup-sam";

    final Vertx vertx = Vertx.vertx();
    final MongoStore mongo;
    final AmiSimulator sim;
    final AmiClient ami;
    final MongoLiveHandovers handovers;
    final List<AuditEvent> audited = new CopyOnWriteArrayList<>();
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    /** {@code referrals}: the referrals (by id) whose agencies a caller may be handed to. */
    TelephonyRig(Path dir, String interpreters, Map<String, TransferTarget> referrals) throws Exception {
        this(dir, interpreters, referrals, Duration.ZERO);
    }

    /** {@code wrapUp}: the operators' wrap-up time after each call (zero: off). */
    TelephonyRig(Path dir, String interpreters, Map<String, TransferTarget> referrals, Duration wrapUp)
            throws Exception {
        mongo = MongoStore.embedded(dir.resolve("mongo"), 0, "hotline", Duration.ofSeconds(3));
        sim = AmiSimulator.start("hotline", "secret").member(ANA);
        ami = AmiClient.start(AmiConfig.of("127.0.0.1", sim.port(), "hotline", "secret"), new HotlineMetrics(false),
                Clock.systemUTC());
        handovers = new MongoLiveHandovers(mongo);
        InterpreterDirectory directory = ((InterpreterDirectory.Result.Valid) InterpreterDirectory.parse(interpreters,
                "interpreters.yaml")).directory();
        AuditLog audit = audited::add;
        Telephony telephony = Telephony.wire(Optional.of(ami), new Telephony.Needs(new InterpreterBridge.Settings(
                directory, Duration.ofSeconds(5), InterpreterBridge.Settings.DEFAULT_CALLER_ID),
                new AgencyTransfer.Settings(Duration.ofSeconds(5), "Hotline"),
                new SupervisorSpy.Settings(Duration.ofSeconds(5), "Hotline"), wrapUp, id -> Optional.ofNullable(referrals.get(id)),
                reference -> referrals.values().stream().filter(t -> t.reference().equals(reference)).sorted(
                        java.util.Comparator.comparing(TransferTarget::referralId)).toList(), handovers), audit,
                Clock.systemUTC());
        UserAccounts accounts = Staff.accounts(mongo, audit);
        accounts.ensureIndexes();
        Sessions sessions = new Sessions(mongo, accounts, Clock.systemUTC());
        MongoOperatorDirectory phones = new MongoOperatorDirectory(mongo);
        List<ApiRoutes> routes = new ArrayList<>(List.of(new AuthRoutes(vertx, accounts, sessions, false,
                Clock.systemUTC())));
        routes.addAll(telephony.routes(vertx, phones, Clock.systemUTC()));
        HttpApi.Deps deps = new HttpApi.Deps(null, () -> new Health(true, true, 0, true, 0), 4096,
                new SessionAccess(vertx, sessions, audit, Duration.ofMillis(200)), routes);
        String ana = accounts.create("ana.operator", PASSWORD.toCharArray(), Set.of(Role.OPERATOR), Optional.empty(), "t");
        phones.assign(ana, ANA);
        String sam = accounts.create("sam.supervisor", PASSWORD.toCharArray(), Set.of(Role.SUPERVISOR), Optional.empty(),
                "t");
        phones.assign(sam, SAM);
        port = HttpApi.start(vertx, deps, "127.0.0.1", 0).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS).actualPort();
        await().atMost(Duration.ofSeconds(20)).until(() -> ami.isConnected() && sim.loggedInSessions() == 1);
    }

    String signIn(String username) throws Exception {
        return Staff.signIn(port, username, PASSWORD).token();
    }

    /** The caller is talking to Ana: both legs are up and Asterisk reported the AgentConnect. */
    String anaOnACall(Caller caller) throws Exception {
        sim.channelUp(caller.channel(), caller.uniqueId()).channelUp(ANA_LEG, "1700000099.1");
        sim.emitRaw(QueueEvents.agentConnect(caller, "operators", ANA, 7));
        return signIn("ana.operator");
    }

    /** The AgentConnect reaches the tracker asynchronously; until it has, the API answers not_in_call. */
    HttpResponse<String> onceTracked(String method, String path, String token, String body) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> send(method, path, token, body),
                r -> !r.body().contains("not_in_call"));
    }

    HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    List<AuditEvent> audited(String action) {
        return audited.stream().filter(e -> e.action().equals(action)).toList();
    }

    @Override
    public void close() throws Exception {
        ami.close();
        sim.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        mongo.close();
    }
}
