package org.hotline.core.live;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Supplier;

/**
 * Who is listening for what: operators for the call pops of their own interface, supervisors for queue changes.
 * Thread-safe; {@link Subscriber#send} must not block (the SSE subscriber hands over to its event loop).
 */
public final class LiveHub {

    /** Event names on the stream. */
    public static final String POP = "call-pop";
    public static final String QUEUE = "queue";

    /** One open stream. */
    @FunctionalInterface
    public interface Subscriber {
        void send(String event, JsonObject data);
    }

    private final Map<String, Set<Subscriber>> operators = new ConcurrentHashMap<>();
    private final Set<Subscriber> supervisors = new CopyOnWriteArraySet<>();

    /** Subscribes to pops for one interface; the returned handle unsubscribes. */
    public Runnable subscribeOperator(String agentInterface, Subscriber subscriber) {
        operators.computeIfAbsent(agentInterface, a -> new CopyOnWriteArraySet<>()).add(subscriber);
        return () -> operators.computeIfPresent(agentInterface, (a, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
    }

    public Runnable subscribeSupervisor(Subscriber subscriber) {
        supervisors.add(subscriber);
        return () -> supervisors.remove(subscriber);
    }

    /** Sends a pop to every stream of that interface; false when no operator is listening there. */
    public boolean publishPop(String agentInterface, CallPop pop) {
        Set<Subscriber> listening = operators.get(agentInterface);
        if (listening == null || listening.isEmpty()) {
            return false;
        }
        JsonObject data = pop.toJson();
        listening.forEach(s -> s.send(POP, data));
        return true;
    }

    /** Sends the queue view to every supervisor stream; the snapshot is only built when one is open. */
    public void publishQueue(Supplier<QueueSnapshot> snapshot) {
        if (supervisors.isEmpty()) {
            return;
        }
        JsonObject data = snapshot.get().toJson();
        supervisors.forEach(s -> s.send(QUEUE, data));
    }

    int operatorStreams() {
        return operators.values().stream().mapToInt(Set::size).sum();
    }
}
