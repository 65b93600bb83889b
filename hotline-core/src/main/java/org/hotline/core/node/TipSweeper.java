package org.hotline.core.node;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hotline.core.routing.TipRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The node's routing sweeper: every two seconds it routes stored tips a crash or an outage left unrouted. */
final class TipSweeper {

    private static final Logger LOG = LoggerFactory.getLogger(TipSweeper.class);
    /** Tips older than this and still unrouted were left by a crash or an outage; younger ones are being routed. */
    static final Duration SWEEP_AFTER = Duration.ofSeconds(5);

    private TipSweeper() {}

    /** Starts sweeping; shut the executor down to stop. */
    static ScheduledExecutorService start(TipRouter router) {
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("tip-sweeper").daemon(true).factory());
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                router.sweep(SWEEP_AFTER);
            } catch (RuntimeException e) {
                LOG.debug("Sweep skipped: {}", e.getMessage());
            }
        }, 1, 2, TimeUnit.SECONDS);
        return sweeper;
    }
}
