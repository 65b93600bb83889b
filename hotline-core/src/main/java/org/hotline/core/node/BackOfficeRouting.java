package org.hotline.core.node;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hotline.core.routing.TipRouter;
import org.hotline.core.storage.MongoOutage;
import org.hotline.core.tip.Tip;
import org.hotline.core.tip.TipRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routing on a back-office node ({@code dispatch} without {@code ivr}): once per dispatch poll interval it routes
 * every tip still unrouted, whichever node stored it, danger first. Call-facing nodes only store tips (journal, then
 * MongoDB) and never route: the pathway's disclosure cuts, referral inserts and the duty ring are back-office work
 * that must not take CPU from callers. Each tip is claimed first, so of several back-office nodes one routes it; the
 * referrals it creates are claimed by this node's dispatch worker at once and ring the duty list from here.
 */
final class BackOfficeRouting {

    private static final Logger LOG = LoggerFactory.getLogger(BackOfficeRouting.class);
    /** A claim outlives any routing (milliseconds); a node that died holding one releases the tip after this. */
    static final Duration CLAIM = Duration.ofSeconds(30);
    /** Tips already reported as unreadable here, so the log says it once, not once a poll. */
    private static final java.util.Set<String> UNREADABLE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private BackOfficeRouting() {}

    /**
     * The routing a node's roles ask for, started: none without the dispatch role; on a node that also takes calls,
     * its own tips are routed as they are stored and the {@link TipSweeper} routes what a crash or an outage left;
     * on a back-office node, this poll. Shut the executor down to stop.
     */
    static java.util.Optional<ScheduledExecutorService> forRoles(NodeRoles roles, TipRouter router, TipRepository tips,
            String nodeId, Duration every, Clock clock) {
        if (!roles.has(NodeRoles.Role.DISPATCH)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(roles.backOffice() ? start(router, tips, nodeId, every, clock) : TipSweeper.start(router));
    }

    /** Starts polling every {@code every}; shut the executor down to stop. */
    static ScheduledExecutorService start(TipRouter router, TipRepository tips, String nodeId, Duration every,
            Clock clock) {
        ScheduledExecutorService poll = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("back-office-routing").daemon(true).factory());
        poll.scheduleWithFixedDelay(() -> {
            try {
                routeUnrouted(router, tips, nodeId, clock);
            } catch (RuntimeException e) {
                MongoOutage.warnUnlessOutage(LOG, e, "Routing poll failed on {}; will retry", nodeId);
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return poll;
    }

    /**
     * Routes the unrouted tips this node could claim, immediate danger first; returns how many. Each tip is opened
     * by itself, so one this node cannot open (another node sealed it with other data keys) is reported and
     * skipped instead of holding up every tip behind it.
     */
    static int routeUnrouted(TipRouter router, TipRepository tips, String nodeId, Clock clock) {
        Instant now = clock.instant();
        List<Tip> waiting = new ArrayList<>();
        for (String id : tips.unroutedIdsBefore(now)) {
            try {
                tips.find(id).ifPresent(waiting::add);
            } catch (RuntimeException e) {
                if (MongoOutage.isOutage(e)) {
                    throw e;
                }
                if (UNREADABLE.add(id)) { // once per tip and node run: it stays unrouted, and says why
                    LOG.error("Tip {} cannot be opened for routing on {} ({}); is HOTLINE_DATA_KEYS the same on every "
                            + "node? It stays unrouted until it can be read", id, nodeId, e.toString());
                }
            }
        }
        waiting.sort(Comparator.comparing((Tip t) -> !t.caseFile().immediateDanger()).thenComparing(Tip::receivedAt));
        int routed = 0;
        for (Tip tip : waiting) {
            try {
                if (tips.claimRouting(tip.id(), nodeId, now, now.plus(CLAIM))) {
                    router.route(tip);
                    routed++;
                }
            } catch (RuntimeException e) {
                MongoOutage.warnUnlessOutage(LOG, e, "Routing tip {} failed; will retry", tip.reference());
            }
        }
        return routed;
    }
}
