package org.hotline.core.node;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hotline.core.routing.TipRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's routing sweeper: it routes stored tips a crash or an outage left unrouted, every two seconds for
 * half a minute after the node started or a routing failed, and once a minute otherwise.
 */
final class TipSweeper {

    private static final Logger LOG = LoggerFactory.getLogger(TipSweeper.class);
    /** Tips older than this and still unrouted were left by a crash or an outage; younger ones are being routed. */
    static final Duration SWEEP_AFTER = Duration.ofSeconds(5);
    /** The safety net's period when no routing failed: a sweep reads every unrouted tip. */
    static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private TipSweeper() {}

    /** Starts sweeping; shut the executor down to stop. */
    static ScheduledExecutorService start(TipRouter router) {
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("tip-sweeper").daemon(true).factory());
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                router.sweepIfDue(SWEEP_AFTER, SWEEP_EVERY);
            } catch (RuntimeException e) {
                LOG.debug("Sweep skipped: {}", e.getMessage());
            }
        }, 1, 2, TimeUnit.SECONDS);
        return sweeper;
    }
}
