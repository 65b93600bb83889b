package org.hotline.core.live;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Supplier;

/**
 * Who is listening for what: operators for the call pops of their own interface, supervisors for queue changes.
 * Each interface's current call is kept until it ends, and a stream that opens during the call (the console was
 * opened or reloaded, or its stream reconnected) gets that pop at once: a pop is never lost to a stream that was
 * not open at the moment the call connected. Thread-safe; {@link Subscriber#send} must not block (the SSE
 * subscriber hands over to its event loop).
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

    /**
     * A current call older than this is not replayed: its end was missed (no {@code AgentComplete}), and an old
     * pop shown as the current call would put the wrong reference in the operator's form.
     */
    static final Duration LONGEST_CALL = Duration.ofHours(4);

    private final Map<String, Set<Subscriber>> operators = new ConcurrentHashMap<>();
    private final Set<Subscriber> supervisors = new CopyOnWriteArraySet<>();
    private final Map<String, CallPop> current = new ConcurrentHashMap<>();
    private final Clock clock;

    public LiveHub(Clock clock) {
        this.clock = clock;
    }

    /**
     * Subscribes to pops for one interface and sends the pop of its call in progress, if any; the returned handle
     * unsubscribes. A pop published while this runs may arrive twice (the page ignores a repeat), never not at all.
     */
    public Runnable subscribeOperator(String agentInterface, Subscriber subscriber) {
        operators.computeIfAbsent(agentInterface, a -> new CopyOnWriteArraySet<>()).add(subscriber);
        CallPop inProgress = current.get(agentInterface);
        if (inProgress != null && !inProgress.connectedAt().plus(LONGEST_CALL).isBefore(clock.instant())) {
            subscriber.send(POP, inProgress.toJson());
        }
        return () -> operators.computeIfPresent(agentInterface, (a, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
    }

    public Runnable subscribeSupervisor(Subscriber subscriber) {
        supervisors.add(subscriber);
        return () -> supervisors.remove(subscriber);
    }

    /**
     * Makes {@code pop} the interface's current call and sends it to every stream of that interface; false when no
     * operator is listening there (a stream that opens before the call ends still gets it).
     */
    public boolean publishPop(String agentInterface, CallPop pop) {
        current.put(agentInterface, pop);
        Set<Subscriber> listening = operators.get(agentInterface);
        if (listening == null || listening.isEmpty()) {
            return false;
        }
        JsonObject data = pop.toJson();
        listening.forEach(s -> s.send(POP, data));
        return true;
    }

    /** The call {@code callId} at that interface ended: its pop is no longer the current call there. */
    public void endCall(String agentInterface, String callId) {
        current.computeIfPresent(agentInterface, (a, pop) -> pop.callId().equals(callId) ? null : pop);
    }

    /**
     * Forgets every current call: the AMI connection dropped, so their ends may be missed, and a pop replayed for a
     * call that is over is worse than none.
     */
    public void forgetCalls() {
        current.clear();
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
