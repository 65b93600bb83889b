package org.hotline.core.auth.internal;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hotline.core.auth.Sessions;

/**
 * Watches one session for its end: at once when this node signs it out (an event-bus message), and by a
 * periodic check for expiry or a sign-out on another node. Calls {@code onEnd} at most once, on the context
 * that started the watch.
 */
final class SessionWatch {

    private final AtomicBoolean done = new AtomicBoolean();
    private final Vertx vertx;
    private final Context context;
    private final Runnable onEnd;
    private MessageConsumer<String> consumer;
    private long timer;

    private SessionWatch(Vertx vertx, Runnable onEnd) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.onEnd = onEnd;
    }

    static Runnable start(Vertx vertx, Sessions sessions, String token, String sessionId, Duration every,
            Runnable onEnd) {
        SessionWatch watch = new SessionWatch(vertx, onEnd);
        watch.consumer = vertx.eventBus().<String>consumer(SessionAccess.SESSION_ENDED, message -> {
            if (sessionId.equals(message.body())) {
                watch.end();
            }
        });
        watch.timer = vertx.setPeriodic(every.toMillis(), id -> vertx.executeBlocking(() -> sessions.isLive(token))
                .onSuccess(live -> {
                    if (!live) {
                        watch.end();
                    }
                }));
        return watch::stop;
    }

    private void end() {
        if (stop()) {
            context.runOnContext(v -> onEnd.run());
        }
    }

    /** Stops watching; true the first time. */
    private boolean stop() {
        if (!done.compareAndSet(false, true)) {
            return false;
        }
        vertx.cancelTimer(timer);
        consumer.unregister();
        return true;
    }
}
