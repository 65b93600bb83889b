package org.hotline.core.text;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hotline.ivr.text.TextFlowEngine;
import org.hotline.ivr.text.TextFlows;
import org.hotline.ivr.text.TextSession;
import org.hotline.ivr.text.TextTurn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes victims' messages from any gateway into the text flow engine: recognises a redelivered message, keeps
 * what the flow does not read (too long, binary, over the rate, for the operator) encrypted for the operator,
 * stores the conversation, and queues the replies before anything is sent. Blocking: call it from a worker.
 */
public final class TextConversations {

    private static final Logger LOG = LoggerFactory.getLogger(TextConversations.class);

    /** The author of a held message the sender wrote (an operator's reply has the operator's id). */
    public static final String SENDER = "sender";

    /** What became of one inbound message. */
    public enum Handled { ANSWERED, DUPLICATE, HELD, STOPPED }

    private final TextFlowEngine engine;
    private final Supplier<TextFlows> flows;
    private final TextSessionStore store;
    private final TextOutbox outbox;
    private final Runnable wake;
    private final Function<String, String> senderKey;
    private final TextConfig config;
    private final Clock clock;
    private final SenderRate rate;
    // one message of a sender at a time on this node; across nodes the store's versioned updates decide
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    public TextConversations(TextFlowEngine engine, Supplier<TextFlows> flows, TextSessionStore store,
            TextOutbox outbox, Runnable wake, Function<String, String> senderKey, TextConfig config, Clock clock) {
        this.engine = engine;
        this.flows = flows;
        this.store = store;
        this.outbox = outbox;
        this.wake = wake;
        this.senderKey = senderKey;
        this.config = config;
        this.clock = clock;
        this.rate = new SenderRate(config.perMinute(), clock);
    }

    public Handled handle(InboundText in) {
        String key = senderKey.apply(in.channel() + ":" + in.sender());
        Object lock = locks.computeIfAbsent(key, k -> new Object());
        synchronized (lock) {
            try {
                return handleLocked(key, in);
            } finally {
                locks.remove(key, lock);
            }
        }
    }

    private Handled handleLocked(String key, InboundText in) {
        if (store.seen(key, in.messageId())) {
            LOG.info("Text message {} by {} was already taken in: redelivery ignored", in.messageId(), in.channel());
            return Handled.DUPLICATE;
        }
        TextFlows current = flows.get();
        Optional<String> refusal = refusal(in, key);
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<TextSessionStore.Stored> open = store.open(key);
            TextTurn turn;
            long version;
            if (open.isPresent()) {
                version = open.get().version();
                TextSession session = open.get().session();
                if (refusal.isPresent()) {
                    return hold(key, session, version, in, refusal.get(), current);
                }
                turn = engine.receive(current, session, in.text());
            } else {
                version = 0;
                turn = engine.start(current, config.flowId(), UUID.randomUUID().toString(), in.channel(),
                        in.sender(), in.binary() || in.text().length() > config.maxChars() ? "" : in.text());
            }
            if (turn.session().state() == TextSession.State.STOPPED) {
                outbox.dropPending(turn.session().id());
            }
            queue(turn.session(), in, turn.messages());
            if (store.save(key, turn.session(), version, in.messageId(), in.gateway())) {
                if (open.isEmpty() || turn.forOperator() || refusal.isPresent()) {
                    // the opener and what the operator is to read are kept; digits and keywords are in the answers
                    store.hold(turn.session().id(), SENDER, in.text(), clock.instant());
                }
                wake.run();
                Handled handled = turn.session().state() == TextSession.State.STOPPED ? Handled.STOPPED
                        : turn.forOperator() ? Handled.HELD : Handled.ANSWERED;
                LOG.info("Text message {} by {}: session {} {} at {}, {} repl{} queued", in.messageId(), in.channel(),
                        turn.session().id(), turn.session().state(), turn.session().node(), turn.messages().size(),
                        turn.messages().size() == 1 ? "y" : "ies");
                return handled;
            }
            LOG.info("text session of a sender changed on another node; reading it again");
        }
        throw new IllegalStateException("text session kept changing under message " + in.messageId());
    }

    /** Why the flow will not read this message, as the prompt that says so; empty when it will. */
    private Optional<String> refusal(InboundText in, String key) {
        if (!rate.allow(key)) {
            return Optional.of(rate.firstOver(key) ? "text_slow_down" : "");
        }
        if (in.binary()) {
            return Optional.of("text_unreadable");
        }
        if (in.text().length() > config.maxChars()) {
            return Optional.of("text_too_long");
        }
        return Optional.empty();
    }

    private Handled hold(String key, TextSession session, long version, InboundText in, String prompt,
            TextFlows current) {
        List<String> reply = prompt.isEmpty() || session.state() != TextSession.State.ACTIVE ? List.of()
                : List.of(current.text(current.flow(session.flowId()), session.language(), prompt));
        queue(session, in, reply);
        if (store.save(key, session, version, in.messageId(), in.gateway())) {
            store.hold(session.id(), SENDER, in.binary() ? "(binary message)" : in.text(), clock.instant());
            wake.run();
        }
        return Handled.HELD;
    }

    private void queue(TextSession session, InboundText in, List<String> messages) {
        for (int i = 0; i < messages.size(); i++) {
            outbox.enqueue(session.id() + ":" + in.messageId() + ":" + i, session.id(), in.gateway(), in.sender(),
                    messages.get(i));
        }
    }

    /** Ends sessions idle for longer than the configured limit (each keeps a partial tip); returns how many. */
    public int expireIdle() {
        int expired = 0;
        for (TextSessionStore.Stored idle : store.idleSince(clock.instant().minus(config.idle()), 100)) {
            TextTurn turn = engine.expire(flows.get(), idle.session());
            String key = senderKey.apply(idle.session().channel() + ":" + idle.session().sender());
            if (store.save(key, turn.session(), idle.version(), null, idle.gateway())) {
                expired++;
            }
        }
        return expired;
    }
}
