package org.hotline.core.telephony;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.hotline.core.ami.AmiClient;
import org.hotline.core.ami.AmiEvent;
import org.hotline.core.ami.AmiException;
import org.hotline.core.ami.AmiListener;
import org.hotline.core.ami.OriginateRequest;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.telephony.internal.CallTracker;

/**
 * A supervisor listens to, whispers to (only the operator hears) or barges into (both hear) an operator's live
 * call: Asterisk calls the supervisor's phone and runs {@code ChanSpy} on the operator's channel
 * ({@code hotline-spy} context, options {@code qE}, {@code qEw}, {@code qEB}). Nothing is recorded. Each start and
 * each stop (by the supervisor, or because the call ended) is audited.
 */
public final class SupervisorSpy implements AmiListener {

    public static final String CONTEXT = "hotline-spy";

    /** ChanSpy's modes as the dialplan's extensions. */
    public enum Mode { LISTEN, WHISPER, BARGE }

    public record Settings(Duration ringTimeout, String callerId) {}

    private record Session(String actor, String agent, Mode mode, String target, String uniqueId, Instant startedAt) {}

    private final Supplier<Optional<AmiClient>> ami;
    private final CallTracker tracker;
    private final Settings settings;
    private final AuditLog audit;
    private final Clock clock;
    /** By the supervisor's phone. */
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    /** Spying channels by unique id, as ChanSpyStart named them (it may come before the originate's answer). */
    private final Map<String, String> spyers = new ConcurrentHashMap<>();

    public SupervisorSpy(Supplier<Optional<AmiClient>> ami, CallTracker tracker, Settings settings, AuditLog audit,
            Clock clock) {
        this.ami = ami;
        this.tracker = tracker;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** Calls the supervisor's phone into ChanSpy on the operator's call; completes when the phone answered or not. */
    public CompletableFuture<Boolean> start(String actor, String supervisorPhone, String operatorAgent, Mode mode)
            throws TelephonyRefused {
        AmiClient client = client();
        if (sessions.containsKey(supervisorPhone)) {
            throw new TelephonyRefused(409, "already_listening", "You are already listening to a call; stop first.");
        }
        ConnectedCall call = tracker.callOf(operatorAgent).orElseThrow(() -> new TelephonyRefused(409, "not_in_call",
                "That operator is not on a call right now."));
        // the operator's channel names start with their interface and a dash (PJSIP/op-ana-00000002)
        String prefix = operatorAgent + "-";
        OriginateRequest dial = new OriginateRequest(supervisorPhone, CONTEXT, mode.name().toLowerCase(java.util.Locale.ROOT),
                settings.callerId(), settings.ringTimeout(), Map.of("HOTLINE_SPY_TARGET", prefix));
        return client.originate(dial).handleAsync((result, failure) -> {
            boolean answered = failure == null && result.answered();
            if (answered) {
                sessions.put(supervisorPhone, new Session(actor, operatorAgent, mode, call.auditTarget(),
                        result.channelUniqueId(), clock.instant()));
            }
            audit.record(new AuditEvent(actor, "call.spy_start", call.auditTarget(), Map.of("operator", operatorAgent,
                    "mode", mode.name(), "outcome", answered ? "listening" : "not_answered")));
            return answered;
        });
    }

    /** Hangs up the supervisor's listening call. Blocks briefly. */
    public void stop(String actor, String supervisorPhone) throws TelephonyRefused {
        AmiClient client = client();
        Session session = sessions.get(supervisorPhone);
        String channel = session == null ? null : spyers.get(session.uniqueId());
        if (channel == null) {
            throw new TelephonyRefused(409, "not_listening", "You are not listening to a call.");
        }
        // taken out first: the ChanSpyStop this hang-up causes must not be read as the call having ended
        if (!sessions.remove(supervisorPhone, session)) {
            throw new TelephonyRefused(409, "not_listening", "You are not listening to a call.");
        }
        try {
            client.hangup(channel);
        } catch (AmiException e) {
            sessions.putIfAbsent(supervisorPhone, session);
            throw new TelephonyRefused(502, "telephony_refused", "The listening call could not be ended: " + e.getMessage());
        }
        stopped(session, actor, "supervisor");
    }

    /** Whether this supervisor's phone is listening, and to whom. */
    public Optional<String> listeningTo(String supervisorPhone) {
        return Optional.ofNullable(sessions.get(supervisorPhone)).map(Session::agent);
    }

    @Override
    public void onEvent(AmiEvent event) {
        if (event instanceof AmiEvent.SpyStarted started) {
            spyers.put(started.spyerUniqueId(), started.spyerChannel());
        } else if (event instanceof AmiEvent.SpyStopped stopped) {
            spyers.remove(stopped.spyerUniqueId());
            sessions.forEach((phone, s) -> {
                if (s.uniqueId().equals(stopped.spyerUniqueId()) && sessions.remove(phone, s)) {
                    stopped(s, s.actor(), "call_ended");
                }
            });
        }
    }

    private void stopped(Session s, String actor, String by) {
        audit.record(new AuditEvent(actor, "call.spy_stop", s.target(), Map.of("operator", s.agent(), "mode",
                s.mode().name(), "by", by, "seconds", String.valueOf(Duration.between(s.startedAt(), clock.instant())
                        .toSeconds()))));
    }

    private AmiClient client() throws TelephonyRefused {
        return ami.get().orElseThrow(() -> new TelephonyRefused(503, "telephony_unavailable",
                "The phone system is not configured on this node."));
    }
}
