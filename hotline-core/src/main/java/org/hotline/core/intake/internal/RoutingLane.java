package org.hotline.core.intake.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands written batches on (to routing) on a thread of its own, in order, so the writer never waits for routing;
 * a batch of urgent tips goes ahead of every batch waiting. A batch that fails is left to the routing sweeper:
 * the tips themselves are safe in MongoDB and the journal.
 */
final class RoutingLane<T> {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingLane.class);

    private final Consumer<List<T>> handOn;
    private final Function<List<T>, String> firstId;
    private final BlockingDeque<List<T>> batches = new LinkedBlockingDeque<>();
    private final Thread thread;
    private volatile boolean open = true;

    RoutingLane(String name, Consumer<List<T>> handOn, Function<List<T>, String> firstId) {
        this.handOn = handOn;
        this.firstId = firstId;
        this.thread = Thread.ofPlatform().name(name).daemon(true).start(this::loop);
    }

    /** Routes {@code tips} after the batches waiting. */
    void last(List<T> tips) {
        if (!tips.isEmpty() && accepting(tips)) {
            batches.addLast(tips);
        }
    }

    /** Routes {@code tips} before the batches waiting. */
    void first(List<T> tips) {
        if (!tips.isEmpty() && accepting(tips)) {
            batches.addFirst(tips);
        }
    }

    private boolean accepting(List<T> tips) {
        if (!open) {
            LOG.debug("Stopping: {} tips from {} are left for the routing sweeper", tips.size(), firstId.apply(tips));
        }
        return open;
    }

    /** Routes what is waiting, for at most {@code wait}, then stops. */
    void close(Duration wait) throws InterruptedException {
        open = false;
        thread.join(wait.toMillis());
        if (thread.isAlive()) {
            thread.interrupt();
        }
    }

    private void loop() {
        try {
            while (open || !batches.isEmpty()) {
                List<T> next = batches.pollFirst(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (next != null) {
                    route(next);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void route(List<T> tips) {
        try {
            handOn.accept(tips);
        } catch (RuntimeException e) {
            LOG.warn("Routing {} tips from {} failed; the sweeper will retry", tips.size(), firstId.apply(tips), e);
        }
    }
}
