package org.hotline.core.telephony;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.hotline.core.ami.AmiClient;
import org.hotline.core.ami.AmiEvent;
import org.hotline.core.ami.AmiException;
import org.hotline.core.ami.OriginateRequest;
import org.hotline.core.ami.Redirect;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.telephony.internal.CallTracker;
import org.hotline.pathway.interpreter.Interpreter;
import org.hotline.pathway.interpreter.InterpreterDirectory;

/**
 * Adds a telephone interpreter to an operator's call and removes them again. The caller and the operator are
 * moved together (one dual {@code Redirect}) into a ConfBridge conference named after the call, then the
 * interpreter's line is called into the same conference ({@code Originate}). The dialplan's profiles keep the
 * caller from being left alone there: the operator is the marked user and the others leave with them. A line
 * that does not answer leaves caller and operator talking in the conference. Every step is audited.
 */
public final class InterpreterBridge {

    /** Dialplan contexts of {@code ops/asterisk/extensions.conf}; the extension is the conference name. */
    public static final String CALLER_CONTEXT = "hotline-bridge-caller";
    public static final String OPERATOR_CONTEXT = "hotline-bridge-operator";
    public static final String INTERPRETER_CONTEXT = "hotline-bridge-interpreter";

    /** Settings: the interpreter directory, how long an interpreter's line may ring, the caller id shown to them. */
    public record Settings(InterpreterDirectory directory, Duration ringTimeout, String callerId) {
        public static final Duration DEFAULT_RING_TIMEOUT = Duration.ofSeconds(30);
        public static final String DEFAULT_CALLER_ID = "Hotline interpreter request <1234>";
    }

    private record Session(ConnectedCall call, String language, Interpreter interpreter, String interpreterId) {}

    private final Supplier<Optional<AmiClient>> ami;
    private final CallTracker tracker;
    private final Settings settings;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    public InterpreterBridge(Supplier<Optional<AmiClient>> ami, CallTracker tracker, Settings settings, AuditLog audit,
            Clock clock) {
        this.ami = ami;
        this.tracker = tracker;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
        tracker.onLeave(this::left);
    }

    public InterpreterDirectory directory() {
        return settings.directory();
    }

    /**
     * Blocks for the redirect (call it off the event loop); the returned future completes when the interpreter's
     * line answered or gave up. Throws {@link TelephonyRefused} when nothing was changed.
     */
    public CompletableFuture<InterpreterOutcome> add(String actor, String agent, String language) throws TelephonyRefused {
        AmiClient client = ami.get().orElseThrow(() -> new TelephonyRefused(503, "telephony_unavailable",
                "The phone system is not configured on this node."));
        Interpreter interpreter = settings.directory().available(language, clock.instant()).orElseThrow(() ->
                new TelephonyRefused(409, "no_interpreter", "No interpreter for '" + language + "' is available now."));
        Session current = sessions.get(agent);
        if (current != null && current.interpreterId() != null) {
            throw new TelephonyRefused(409, "interpreter_on_line", "An interpreter is already on this call; drop them first.");
        }
        ConnectedCall call = current != null ? current.call() : tracker.callOf(agent).orElseThrow(() ->
                new TelephonyRefused(409, "not_in_call", "You are not on a call right now."));
        if (current == null) {
            try {
                // one action moves both legs, so the caller is never in the conference without the operator
                client.redirect(Redirect.both(call.callerChannel(), CALLER_CONTEXT, call.conference(),
                        call.agentChannel(), OPERATOR_CONTEXT, call.conference()));
            } catch (AmiException e) {
                throw new TelephonyRefused(502, "telephony_refused", "The call could not be moved into a conference: "
                        + e.getMessage());
            }
            sessions.put(agent, new Session(call, language, interpreter, null));
        }
        OriginateRequest dial = new OriginateRequest(interpreter.endpoint(), INTERPRETER_CONTEXT, call.conference(),
                settings.callerId(), settings.ringTimeout(), Map.of("HOTLINE_BRIDGE", call.conference()));
        // off the AMI reader thread that completes the originate: auditing may block on storage
        return client.originate(dial).handleAsync((result, failure) -> {
            boolean joined = failure == null && result.answered();
            String reason = failure != null ? failure.getMessage() : result.reasonText();
            if (joined) {
                sessions.computeIfPresent(agent, (a, s) -> new Session(s.call(), language, interpreter,
                        result.channelUniqueId()));
            }
            audit.record(new AuditEvent(actor, "call.interpreter_add", call.auditTarget(), Map.of("language", language,
                    "interpreter", interpreter.id(), "outcome", joined ? "joined" : "unreachable",
                    "reason", joined ? "" : reason)));
            return joined ? new InterpreterOutcome.Joined(language, interpreter.name(), call.conference())
                    : new InterpreterOutcome.Unreachable(language, interpreter.name(), reason);
        });
    }

    /** Removes the interpreter from the operator's conference; the caller stays with the operator. Blocks briefly. */
    public void drop(String actor, String agent) throws TelephonyRefused {
        AmiClient client = ami.get().orElseThrow(() -> new TelephonyRefused(503, "telephony_unavailable",
                "The phone system is not configured on this node."));
        Session session = sessions.get(agent);
        if (session == null || session.interpreterId() == null) {
            throw new TelephonyRefused(409, "no_interpreter_on_line", "No interpreter is on your call.");
        }
        String conference = session.call().conference();
        String channel = tracker.member(conference, session.interpreterId()).orElseThrow(() ->
                new TelephonyRefused(409, "no_interpreter_on_line", "The interpreter is not in the conference (any more)."));
        try {
            client.kick(conference, channel);
        } catch (AmiException e) {
            throw new TelephonyRefused(502, "telephony_refused", "The interpreter could not be removed: " + e.getMessage());
        }
        sessions.computeIfPresent(agent, (a, s) -> new Session(s.call(), s.language(), null, null));
        audit.record(new AuditEvent(actor, "call.interpreter_drop", session.call().auditTarget(),
                Map.of("language", session.language(), "interpreter", session.interpreter().id())));
    }

    /** The interpreter's language on this operator's call right now, if one is on the line. */
    public Optional<String> interpreterOn(String agent) {
        return Optional.ofNullable(sessions.get(agent)).filter(s -> s.interpreterId() != null).map(Session::language);
    }

    /** AMI listener thread: the operator left (or hung up) ends the session; an interpreter who left is off the line. */
    private void left(AmiEvent.BridgeLeft leave) {
        sessions.forEach((agent, session) -> {
            if (!session.call().conference().equals(leave.conference())) {
                return;
            }
            if (leave.channel().equals(session.call().agentChannel()) || leave.uniqueId().equals(session.call().callId())) {
                sessions.remove(agent, session);
            } else if (leave.uniqueId().equals(session.interpreterId())) {
                sessions.replace(agent, session, new Session(session.call(), session.language(), null, null));
            }
        });
    }
}
