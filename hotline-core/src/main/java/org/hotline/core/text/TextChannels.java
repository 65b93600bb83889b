package org.hotline.core.text;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.hotline.core.agency.SmsReplies;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.crypto.TipCipher;
import org.hotline.core.http.ApiRoutes;
import org.hotline.core.intake.TipIntakeService;
import org.hotline.core.storage.MongoStore;
import org.hotline.core.text.internal.KannelGateway;
import org.hotline.core.text.internal.MongoTextOutbox;
import org.hotline.core.text.internal.MongoTextSessionStore;
import org.hotline.core.text.internal.OutboxSender;
import org.hotline.core.text.internal.TelegramBot;
import org.hotline.ivr.FollowUpDesk;
import org.hotline.ivr.flow.FlowOptions;
import org.hotline.ivr.flow.FlowRegistry;
import org.hotline.ivr.flow.FlowSet;
import org.hotline.ivr.flow.InvalidFlowsException;
import org.hotline.ivr.text.TextFlowEngine;
import org.hotline.ivr.text.TextFlows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The text channels of a node: conversations over the IVR's flows, their store and outbox, the gateways and
 * their routes, and the job that ends idle conversations. Its jobs run on the node's Vert.x, so they stop with it.
 */
public final class TextChannels implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TextChannels.class);

    /** What the text channels need from the rest of the node. */
    public record Parts(MongoStore mongo, TipCipher cipher, FlowRegistry flows, FlowOptions flowOptions,
                        TipIntakeService intake, FollowUpDesk desk, Function<String, String> keyedHash,
                        Optional<SmsReplies> agencyReplies, AuditLog audit, Clock clock,
                        Optional<org.hotline.core.intake.JournaledQueue> inboundJournal,
                        org.hotline.core.metrics.HotlineMetrics metrics) {}

    private final TextConversations conversations;
    private final MongoTextSessionStore store;
    private final MongoTextOutbox outbox;
    private final OutboxSender sender;
    private final TextInbox inbox;
    private final Optional<org.hotline.core.intake.JournaledQueue> inboundJournal;
    /** The gateways' and chat networks' webhooks: callers (and agencies answering by SMS) come in here. */
    private final List<ApiRoutes> routes = new ArrayList<>();
    /** The operators' text desk. */
    private final ApiRoutes desk;
    private final Vertx vertx;
    private final long expiryTimer;

    private TextChannels(Vertx vertx, Parts parts, TextConfig config, Optional<KannelConfig> kannel,
            List<ChatNetwork> chats, Duration outboxPoll) {
        this.vertx = vertx;
        store = new MongoTextSessionStore(parts.mongo(), parts.cipher());
        outbox = new MongoTextOutbox(parts.mongo(), parts.cipher(), parts.clock());
        Map<String, TextGateway> gateways = new java.util.HashMap<>();
        kannel.ifPresent(k -> gateways.put(KannelGateway.NAME,
                new KannelGateway(k.sendsms(), k.username(), k.password(), k.from())));
        chats.forEach(chat -> gateways.put(chat.name(), chat));
        sender = new OutboxSender(vertx, outbox, gateways, parts.clock()).start(outboxPoll);
        TextFlowEngine engine = new TextFlowEngine(parts.intake()::accept, parts.desk(), parts.flowOptions(),
                parts.clock());
        conversations = new TextConversations(engine, textFlows(parts.flows()), store, outbox, sender::wake,
                number -> parts.keyedHash().apply(number), config, parts.clock());
        inbox = new TextInbox(parts.inboundJournal(), parts.cipher());
        routes.add(new KannelRoutes(kannel.map(KannelConfig::inboundKey), conversations, inbox, parts.agencyReplies(),
                outbox, sender::wake));
        routes.add(new ChatWebhookRoutes(chats, conversations, inbox));
        inboundJournal = parts.inboundJournal();
        // after the routes: the kept messages of a previous run go to the handlers they registered
        inboundJournal.ifPresent(journal -> journal.start(parts.mongo(), inbox::applyKept, parts.metrics()));
        desk = new TextDeskRoutes(store, outbox, sender::wake, parts.audit(), parts.clock());
        long every = Math.max(1, Math.min(30_000, config.idle().toMillis() / 4));
        expiryTimer = vertx.setPeriodic(every, id -> vertx.executeBlocking(() -> {
            expireQuietly();
            return null;
        }, false));
    }

    /**
     * Starts the text channels. With a gateway configured the flows must pass {@link TextFlows#check}: a problem
     * stops start-up with every line named, as an invalid flow file does.
     */
    public static TextChannels start(Vertx vertx, Parts parts, TextConfig config, Optional<KannelConfig> kannel,
            Optional<TelegramConfig> telegram, Duration outboxPoll) {
        List<ChatNetwork> chats = telegram.<ChatNetwork>map(t -> new TelegramBot(t.api(), t.token(), t.webhookSecret()))
                .stream().toList();
        if (TextFlows.check(parts.flows().current()) instanceof TextFlows.Result.Rejected rejected) {
            if (kannel.isPresent() || !chats.isEmpty()) {
                throw new InvalidFlowsException(rejected.problems());
            }
            // no gateway brings messages: a voice-only deployment need not write text rules
            LOG.warn("the flows cannot run over text (no gateway configured, so this only matters later): {}",
                    rejected.problems());
        }
        try {
            new MongoTextSessionStore(parts.mongo(), parts.cipher()).ensureIndexes();
        } catch (RuntimeException e) {
            LOG.warn("text session indexes not created now (MongoDB unreachable?): {}", e.getMessage());
        }
        return new TextChannels(vertx, parts, config, kannel, chats, outboxPoll);
    }

    /** The text flows of the registry's current set; a reload whose text rules are invalid keeps the last good. */
    private static java.util.function.Supplier<TextFlows> textFlows(FlowRegistry registry) {
        AtomicReference<TextFlows> last = new AtomicReference<>();
        return () -> {
            FlowSet set = registry.current();
            TextFlows known = last.get();
            if (known != null && known.set() == set) {
                return known;
            }
            switch (TextFlows.check(set)) {
                case TextFlows.Result.Ready ready -> last.set(ready.flows());
                case TextFlows.Result.Rejected rejected -> LOG.warn(
                        "reloaded flows cannot run over text, text keeps the previous ones: {}", rejected.problems());
            }
            return last.get();
        };
    }

    private void expireQuietly() {
        try {
            int expired = conversations.expireIdle();
            if (expired > 0) {
                LOG.info("{} idle text conversation(s) ended; partial tips kept", expired);
            }
        } catch (RuntimeException e) {
            org.hotline.core.storage.MongoOutage.warnUnlessOutage(LOG, e, "idle text conversations not checked now");
        }
    }

    /** Every route of the text channels: the caller-facing webhooks, then the operators' desk. */
    public List<ApiRoutes> routes() {
        List<ApiRoutes> all = new ArrayList<>(routes);
        all.add(desk);
        return List.copyOf(all);
    }

    /** The caller-facing webhooks only (Kannel, chat networks), for a node without the staff API. */
    public List<ApiRoutes> callerRoutes() {
        return List.copyOf(routes);
    }

    /** The operators' text desk only, for a node with the staff API but no caller-facing role. */
    public ApiRoutes deskRoutes() {
        return desk;
    }

    public TextConversations conversations() {
        return conversations;
    }

    public MongoTextSessionStore store() {
        return store;
    }

    public MongoTextOutbox outbox() {
        return outbox;
    }

    /** Messages kept while MongoDB was down and not yet handled. */
    public int keptBacklog() {
        return inboundJournal.map(org.hotline.core.intake.JournaledQueue::backlog).orElse(0);
    }

    @Override
    public void close() {
        vertx.cancelTimer(expiryTimer);
        sender.close();
        inboundJournal.ifPresent(org.hotline.core.intake.JournaledQueue::close);
    }
}
