package org.hotline.ivr.server;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** Keeps every event the server reports, for assertions. */
final class RecordingObserver implements CallObserver {

    record Ended(CallInfo call, SessionOutcome outcome, String status) {}

    final Queue<CallInfo> started = new ConcurrentLinkedQueue<>();
    final Queue<Ended> ended = new ConcurrentLinkedQueue<>();
    final Queue<CallInfo> busy = new ConcurrentLinkedQueue<>();
    final Queue<String> malformed = new ConcurrentLinkedQueue<>();
    final AtomicInteger commands = new AtomicInteger();

    @Override
    public void callStarted(CallInfo call) {
        started.add(call);
    }

    @Override
    public void callEnded(CallInfo call, SessionOutcome outcome, String status, Duration duration) {
        ended.add(new Ended(call, outcome, status));
    }

    @Override
    public void commandCompleted(String command, Duration latency) {
        commands.incrementAndGet();
    }

    @Override
    public void busyRejected(CallInfo call) {
        busy.add(call);
    }

    @Override
    public void malformedRequest(String reason) {
        malformed.add(reason);
    }

    List<SessionOutcome> outcomes() {
        return ended.stream().map(Ended::outcome).toList();
    }
}
