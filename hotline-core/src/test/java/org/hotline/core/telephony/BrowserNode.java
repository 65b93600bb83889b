package org.hotline.core.telephony;

import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bson.Document;
import org.hotline.core.auth.Role;
import org.hotline.core.e2e.TestNode;
import org.hotline.core.live.internal.MongoOperatorDirectory;
import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;
import org.hotline.core.testsupport.BrowserScripts;
import org.hotline.core.testsupport.RecordingAgency;
import org.hotline.core.testsupport.Staff;
import org.hotline.core.testsupport.ami.AmiSimulator;

/**
 * A real node for the telephony browser tests: its AMI client logged in to the AMI simulator over TCP
 * ({@link #ami}), demo agencies as a real HTTP server, extra settings on top of the test node's.
 */
final class BrowserNode implements AutoCloseable {

    final AmiSimulator ami;
    final Hotline node;
    private final Vertx vertx = Vertx.vertx();
    private final RecordingAgency agencies;

    /** Starts a node whose queue has {@code member}; {@code env} adds to or replaces the test node's settings. */
    BrowserNode(Path dir, String member, Map<String, String> env) {
        BrowserScripts.require();
        ami = AmiSimulator.start("hotline", "ami-secret").member(member);
        agencies = RecordingAgency.start(vertx);
        Map<String, String> all = new HashMap<>(TestNode.env(dir, agencies));
        all.put("HOTLINE_AMI_HOST", "127.0.0.1");
        all.put("HOTLINE_AMI_PORT", String.valueOf(ami.port()));
        all.put("HOTLINE_AMI_USERNAME", "hotline");
        all.put("HOTLINE_AMI_SECRET", "ami-secret");
        all.putAll(env);
        node = Hotline.start(HotlineConfig.fromEnv(all), all, Clock.systemUTC());
        await().atMost(Duration.ofSeconds(10)).until(() -> ami.loggedInSessions() == 1);
    }

    /** A staff account (password {@link Staff#PASSWORD}) with this phone. */
    BrowserNode staff(String username, Role role, String phone) {
        Staff.create(node.mongo(), username, Set.of(role), Optional.empty());
        String id = node.mongo().database().getCollection("users").find(new Document("username", username)).first()
                .getString("_id");
        new MongoOperatorDirectory(node.mongo()).assign(id, phone);
        return this;
    }

    /** Runs {@code script} against this node as {@code username}, handing each output line to {@code onLine}. */
    BrowserScripts.Run run(String script, String username, Consumer<String> onLine, String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("http://127.0.0.1:" + node.httpPort(), username,
                Staff.PASSWORD, BrowserScripts.screenshots().toString()));
        args.addAll(List.of(extra));
        return BrowserScripts.run(script, args, 120, onLine);
    }

    long audited(String action) {
        return node.mongo().database().getCollection("audit_log").countDocuments(new Document("action", action));
    }

    @Override
    public void close() throws Exception {
        node.close();
        agencies.close();
        ami.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
