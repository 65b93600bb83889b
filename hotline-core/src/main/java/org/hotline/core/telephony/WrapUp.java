package org.hotline.core.telephony;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.hotline.core.ami.AmiClient;
import org.hotline.core.ami.AmiEvent;
import org.hotline.core.ami.AmiException;
import org.hotline.core.ami.AmiListener;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wrap-up time after each call: when Asterisk reports an operator's call complete, the operator's phone is paused
 * in the queues ({@code QueuePause}, reason {@code wrap-up}) so that no new call is offered while they finish the
 * report; it is unpaused when they say they are ready, or at the latest after {@code time}. Start and end are
 * audited. A zero {@code time} turns wrap-up off.
 */
public final class WrapUp implements AmiListener, AutoCloseable {

    public static final String REASON = "wrap-up";
    public static final Duration MAX = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(WrapUp.class);

    private record Pending(Instant until, ScheduledFuture<?> timer) {}

    private final Supplier<Optional<AmiClient>> ami;
    private final Duration time;
    private final AuditLog audit;
    private final Clock clock;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("wrap-up").daemon(true).factory());
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    public WrapUp(Supplier<Optional<AmiClient>> ami, Duration time, AuditLog audit, Clock clock) {
        if (time.isNegative() || time.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("wrap-up time must be between 0 (off) and " + MAX.toMinutes() + " minutes");
        }
        this.ami = ami;
        this.time = time;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void onEvent(AmiEvent event) {
        if (!(event instanceof AmiEvent.AgentCompleted done) || time.isZero() || done.agent().isEmpty()) {
            return;
        }
        Optional<AmiClient> client = ami.get();
        if (client.isEmpty() || pending.containsKey(done.agent())) {
            return;
        }
        try {
            client.get().setPaused(done.agent(), true, REASON);
        } catch (AmiException | IllegalArgumentException e) {
            LOG.warn("Wrap-up pause of {} failed: {}", done.agent(), e.getMessage());
            return;
        }
        Instant until = clock.instant().plus(time);
        ScheduledFuture<?> timer = timers.schedule(() -> end(done.agent(), "system", "timeout"), time.toMillis(),
                TimeUnit.MILLISECONDS);
        pending.put(done.agent(), new Pending(until, timer));
        audit.record(new AuditEvent("system", "operator.wrapup_start", done.agent(),
                Map.of("seconds", String.valueOf(time.toSeconds()))));
    }

    /** The operator is ready before the time is up. Blocks briefly. */
    public void ready(String actor, String agent) throws TelephonyRefused {
        Pending current = pending.get(agent);
        if (current == null) {
            throw new TelephonyRefused(409, "not_in_wrap_up", "You are not in wrap-up time.");
        }
        current.timer().cancel(false);
        if (!end(agent, actor, "operator")) {
            throw new TelephonyRefused(502, "telephony_refused", "The phone system did not make you available; try again.");
        }
    }

    /** Until when this operator is in wrap-up, if they are. */
    public Optional<Instant> until(String agent) {
        return Optional.ofNullable(pending.get(agent)).map(Pending::until);
    }

    private boolean end(String agent, String actor, String by) {
        Pending current = pending.remove(agent);
        if (current == null) {
            return true;
        }
        try {
            ami.get().orElseThrow(() -> new AmiException(AmiException.Kind.NOT_CONNECTED, "AMI is not configured"))
                    .setPaused(agent, false, "");
        } catch (AmiException e) {
            LOG.warn("Wrap-up end of {} failed: {}", agent, e.getMessage());
            if ("operator".equals(by)) {
                pending.put(agent, current);
                return false;
            }
        }
        audit.record(new AuditEvent(actor, "operator.wrapup_end", agent, Map.of("by", by)));
        return true;
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }
}
