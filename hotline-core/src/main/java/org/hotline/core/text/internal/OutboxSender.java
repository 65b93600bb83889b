package org.hotline.core.text.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import io.vertx.core.Vertx;
import org.hotline.core.text.TextGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends queued replies through their gateway, in queue order. A gateway that fails keeps its replies queued:
 * they are tried again with doubling back-off (1 s up to {@link #MAX_BACKOFF}), and later replies of that
 * gateway wait behind them so a conversation's messages do not arrive out of order.
 */
public final class OutboxSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    /** Why 5 minutes: a victim's reply must not wait long once the gateway is back; polling costs one query. */
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final MongoTextOutbox outbox;
    private final Map<String, TextGateway> gateways;
    private final Clock clock;
    private final Vertx vertx;
    private long timer = -1;

    /** Runs on {@code vertx}'s workers, so the node's shutdown (closing Vert.x) stops it. */
    public OutboxSender(Vertx vertx, MongoTextOutbox outbox, Map<String, TextGateway> gateways, Clock clock) {
        this.vertx = vertx;
        this.outbox = outbox;
        this.gateways = Map.copyOf(gateways);
        this.clock = clock;
    }

    public OutboxSender start(Duration poll) {
        timer = vertx.setPeriodic(poll.toMillis(), id -> wake());
        return this;
    }

    /** Asks for a drain now (a reply was just queued). */
    public void wake() {
        vertx.executeBlocking(() -> {
            drainQuietly();
            return null;
        }, false);
    }

    // one drain at a time, so replies leave in queue order
    private synchronized void drainQuietly() {
        try {
            drain();
        } catch (RuntimeException e) {
            // MongoDB away: the replies are in it and go out when it is back
            org.hotline.core.storage.MongoOutage.warnUnlessOutage(LOG, e, "text outbox not drained now");
        }
    }

    void drain() {
        // a gateway that failed in this drain: its later replies wait until its failed one is tried again
        Map<String, Instant> failing = new HashMap<>();
        for (MongoTextOutbox.Reply reply : outbox.claim(50, LEASE)) {
            TextGateway gateway = gateways.get(reply.gateway());
            if (gateway == null || failing.containsKey(reply.gateway())) {
                outbox.retry(reply.id(), reply.attempts(),
                        failing.getOrDefault(reply.gateway(), clock.instant().plus(MAX_BACKOFF)));
                continue;
            }
            try {
                gateway.send(reply.to(), reply.text());
                outbox.sent(reply.id());
            } catch (IOException | RuntimeException e) {
                int attempts = reply.attempts() + 1;
                long seconds = Math.min(MAX_BACKOFF.toSeconds(), 1L << Math.min(attempts - 1, 20));
                Instant next = clock.instant().plusSeconds(seconds);
                failing.put(reply.gateway(), next);
                LOG.warn("gateway {} did not take a reply (attempt {}), next try in {} s: {}", reply.gateway(),
                        attempts, seconds, e.getMessage());
                outbox.retry(reply.id(), attempts, next);
            }
        }
    }

    @Override
    public void close() {
        vertx.cancelTimer(timer);
    }
}
