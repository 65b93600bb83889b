package org.hotline.core.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline.core.ami.AmiEvent;
import org.hotline.core.ami.AmiListener;
import org.hotline.core.metrics.HotlineMetrics;

/**
 * Calls waiting and operators' states, kept from AMI queue events. Thread-safe; fed by its own listener thread.
 *
 * <p>Each queued call is counted once in the queue metrics, by how it left: {@code answered} (AgentConnect),
 * {@code abandoned} (QueueCallerAbandon), {@code timeout} (hung up after leaving the queue unanswered) or
 * {@code unknown} (still open when the AMI connection was lost).
 * After a lost connection the events in the gap are unknown, so a new connection starts from an empty view
 * (operators are kept, their calls cleared) and is refilled from the {@code QueueStatus} answer that follows
 * every login; callers found that way carry no reference or language (AMI's QueueEntry lacks channel variables).
 */
public final class LiveState implements AmiListener {

    private final Clock clock;
    private final HotlineMetrics metrics;
    private final Map<String, Track> calls = new HashMap<>();
    private final Map<String, Member> operators = new HashMap<>();
    private final List<Runnable> watchers = new CopyOnWriteArrayList<>();
    private boolean connected;

    public LiveState(Clock clock, HotlineMetrics metrics) {
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Called after every change, on the listener thread. It gets no snapshot: building one sorts every waiting
     * call, which a watcher should pay only when someone is looking ({@link #snapshot()}).
     */
    public void onChange(Runnable watcher) {
        watchers.add(watcher);
    }

    @Override
    public void onEvent(AmiEvent event) {
        synchronized (this) {
            if (!apply(event)) {
                return;
            }
        }
        watchers.forEach(Runnable::run);
    }

    /** The current view; wait times are computed now. */
    public synchronized QueueSnapshot snapshot() {
        Instant now = clock.instant();
        List<QueueSnapshot.Waiting> waiting = new ArrayList<>();
        calls.values().stream().filter(t -> t.waiting).sorted(Comparator.comparing((Track t) -> t.joinedAt))
                .forEach(t -> waiting.add(new QueueSnapshot.Waiting(t.callId, t.queue, t.joinedAt,
                        Math.max(0, Duration.between(t.joinedAt, now).toSeconds()), t.language, t.reference)));
        List<QueueSnapshot.Operator> ops = new ArrayList<>();
        operators.values().stream().sorted(Comparator.comparing((Member m) -> m.agent))
                .forEach(m -> ops.add(new QueueSnapshot.Operator(m.agent, m.status(), m.since, m.callId)));
        return new QueueSnapshot(now, connected, waiting, ops);
    }

    private boolean apply(AmiEvent event) {
        switch (event) {
            case AmiEvent.Connected c -> {
                connected = true;
                // whatever happened in the gap is unknown; close the books on those calls so gauges stay true
                calls.values().stream().filter(t -> !t.counted).forEach(t -> metrics.queueCallerLeft(t.queue,
                        "unknown", Duration.between(t.joinedAt, c.at()).toSeconds()));
                calls.clear();
                operators.values().forEach(m -> m.call(null, false, c.at()));
            }
            case AmiEvent.Disconnected d -> connected = false;
            case AmiEvent.CallerJoined j -> joined(j);
            case AmiEvent.AgentCalled a -> member(a.agent(), a.at()).call(a.callId(), false, a.at());
            case AmiEvent.AgentConnected a -> connectedTo(a);
            case AmiEvent.AgentCompleted a -> member(a.agent(), a.at()).call(null, false, a.at());
            case AmiEvent.CallerAbandoned a -> {
                if (!left(a.callId(), "abandoned", a.holdSeconds())) {
                    return false;
                }
            }
            case AmiEvent.CallerLeft l -> {
                Track t = calls.get(l.callId());
                if (t == null) {
                    return false;
                }
                t.waiting = false;
            }
            case AmiEvent.HungUp h -> hungUp(h);
            case AmiEvent.MemberPaused p -> member(p.agent(), p.at()).pause(p.paused(), p.at());
            case AmiEvent.CallerWaiting w -> waitingAfterReconnect(w);
            case AmiEvent.MemberState m -> {
                Member member = member(m.agent(), m.at());
                member.pause(m.paused(), m.at());
                // the call's id is not in QueueStatus; "on a call" is what the supervisor needs
                member.onCall = m.inCall();
            }
            case AmiEvent.DutyAnswer ignored -> {
                return false;
            }
            case AmiEvent.BridgeJoined ignored -> {
                return false;
            }
            case AmiEvent.BridgeLeft ignored -> {
                return false;
            }
            case AmiEvent.SpyStarted ignored -> {
                return false;
            }
            case AmiEvent.SpyStopped ignored -> {
                return false;
            }
        }
        return true;
    }

    private void joined(AmiEvent.CallerJoined j) {
        Map<String, String> vars = j.variables();
        calls.put(j.callId(), new Track(j.callId(), j.queue(), j.at(), vars.getOrDefault("HOTLINE_LANG", ""),
                vars.getOrDefault("HOTLINE_REFERENCE", "")));
        metrics.queueCallerJoined(j.queue());
    }

    private void waitingAfterReconnect(AmiEvent.CallerWaiting w) {
        Instant joined = w.at().minusSeconds(w.waitSeconds());
        if (calls.putIfAbsent(w.callId(), new Track(w.callId(), w.queue(), joined, "", "")) == null) {
            metrics.queueCallerJoined(w.queue());
        }
    }

    private void connectedTo(AmiEvent.AgentConnected a) {
        left(a.callId(), "answered", a.holdSeconds());
        // ringing on the other members ends with the answer; theirs were only offers
        operators.values().stream().filter(m -> a.callId().equals(m.callId) && !m.agent.equals(a.agent()))
                .forEach(m -> m.call(null, false, a.at()));
        member(a.agent(), a.at()).call(a.callId(), true, a.at());
    }

    /** False when the call is unknown (joined before this node listened, or lost in a gap). */
    private boolean left(String callId, String outcome, long waitedSeconds) {
        Track t = calls.get(callId);
        if (t == null) {
            return false;
        }
        t.waiting = false;
        if (!t.counted) {
            t.counted = true;
            metrics.queueCallerLeft(t.queue, outcome, waitedSeconds);
        }
        return true;
    }

    private void hungUp(AmiEvent.HungUp h) {
        Track t = calls.remove(h.callId());
        if (t != null && !t.counted) {
            metrics.queueCallerLeft(t.queue, "timeout", Duration.between(t.joinedAt, h.at()).toSeconds());
        }
        operators.values().stream().filter(m -> h.callId().equals(m.callId)).forEach(m -> m.call(null, false, h.at()));
    }

    private Member member(String agent, Instant at) {
        return operators.computeIfAbsent(agent, a -> new Member(a, at));
    }

    private static final class Track {
        final String callId;
        final String queue;
        final Instant joinedAt;
        final String language;
        final String reference;
        boolean waiting = true;
        boolean counted;

        Track(String callId, String queue, Instant joinedAt, String language, String reference) {
            this.callId = callId;
            this.queue = queue;
            this.joinedAt = joinedAt;
            this.language = language;
            this.reference = reference;
        }
    }

    private static final class Member {
        final String agent;
        Instant since;
        String callId;
        boolean onCall;
        boolean paused;

        Member(String agent, Instant since) {
            this.agent = agent;
            this.since = since;
        }

        void call(String callId, boolean answered, Instant at) {
            this.callId = callId;
            this.onCall = answered;
            this.since = at;
        }

        void pause(boolean value, Instant at) {
            if (paused != value) {
                paused = value;
                since = at;
            }
        }

        OperatorStatus status() {
            if (onCall) {
                return OperatorStatus.ON_CALL;
            }
            if (paused) {
                return OperatorStatus.PAUSED;
            }
            return callId != null ? OperatorStatus.RINGING : OperatorStatus.AVAILABLE;
        }
    }
}
