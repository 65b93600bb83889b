package org.hotline.core.telephony;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hotline.core.ami.AmiClient;
import org.hotline.core.ami.AmiEvent;
import org.hotline.core.ami.AmiException;
import org.hotline.core.ami.OriginateRequest;
import org.hotline.core.ami.Redirect;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.telephony.internal.CallTracker;

/**
 * Hands a caller to an agency's duty line by phone, for one of the tip's referrals.
 * <ul>
 *   <li><b>Warm</b>: the caller waits in a conference with music ({@code hotline-transfer-hold}) while the operator
 *       is moved to a consultation conference and the duty line is called into it; {@link #join} brings operator
 *       and agency to the caller (three on the line), {@link #leave} takes the operator out: the agency, a marked
 *       user, stays with the caller. An agency line that does not answer brings the operator back to the caller;
 *       an operator who hangs up while consulting sends the caller back to the queue.</li>
 *   <li><b>Blind</b>: the caller's channel is sent to {@code hotline-transfer-blind} to dial the duty number
 *       (the dialplan puts the caller back in the queue when nobody answers).</li>
 * </ul>
 * Each ends with a {@link LiveHandover} record and an audit entry. Nothing about the case is sent to the agency
 * here: the referral's written payload is what it already was.
 */
public final class AgencyTransfer {

    public static final String HOLD_CONTEXT = "hotline-transfer-hold";
    public static final String CONSULT_CONTEXT = "hotline-transfer-consult";
    public static final String AGENCY_CONSULT_CONTEXT = "hotline-transfer-agency-consult";
    public static final String AGENCY_CONTEXT = "hotline-transfer-agency";
    public static final String BLIND_CONTEXT = "hotline-transfer-blind";
    /** Dials a duty number ({@code Local/<number>@hotline-agency-dial}) over the trunk. */
    public static final String DIAL_CONTEXT = "hotline-agency-dial";

    /** How a warm transfer's first step ended. */
    public enum Outcome { CONSULTING, AGENCY_UNREACHABLE }

    public record Settings(Duration ringTimeout, String callerId) {}

    private enum State { CONSULTING, JOINED }

    private record Session(ConnectedCall call, TransferTarget target, String actor, Instant startedAt,
            String agencyId, Instant joinedAt, State state) {
        Session with(State next, String agency, Instant joined) {
            return new Session(call, target, actor, startedAt, agency, joined, next);
        }
    }

    private final Supplier<Optional<AmiClient>> ami;
    private final CallTracker tracker;
    private final Function<String, Optional<TransferTarget>> targets;
    private final LiveHandovers handovers;
    private final Settings settings;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    public AgencyTransfer(Supplier<Optional<AmiClient>> ami, CallTracker tracker,
            Function<String, Optional<TransferTarget>> targets, LiveHandovers handovers, Settings settings,
            AuditLog audit, Clock clock) {
        this.ami = ami;
        this.tracker = tracker;
        this.targets = targets;
        this.handovers = handovers;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
        tracker.onLeave(this::left);
    }

    /** Starts a warm transfer (blocks for the redirect); completes when the duty line answered or gave up. */
    public CompletableFuture<Outcome> warm(String actor, String agent, String referralId) throws TelephonyRefused {
        AmiClient client = client();
        if (sessions.containsKey(agent)) {
            throw new TelephonyRefused(409, "transfer_in_progress", "A transfer of this call is already under way.");
        }
        ConnectedCall call = call(agent);
        TransferTarget target = target(referralId, call);
        String conference = call.conference();
        move(client, Redirect.both(call.callerChannel(), HOLD_CONTEXT, conference, call.agentChannel(), CONSULT_CONTEXT,
                conference), "The call could not be put on hold: ");
        Instant started = clock.instant();
        sessions.put(agent, new Session(call, target, actor, started, null, null, State.CONSULTING));
        OriginateRequest dial = new OriginateRequest("Local/" + target.dutyNumber() + "@" + DIAL_CONTEXT,
                AGENCY_CONSULT_CONTEXT, conference, settings.callerId(), settings.ringTimeout(), Map.of());
        // off the AMI reader thread that completes the originate: a Redirect sent from it would wait for itself
        return client.originate(dial).handleAsync((result, failure) -> {
            if (failure == null && result.answered()) {
                sessions.computeIfPresent(agent, (a, s) -> s.with(State.CONSULTING, result.channelUniqueId(), null));
                audit.record(new AuditEvent(actor, "call.transfer_consult", target.reference(), Map.of("referral",
                        referralId, "agency", target.agencyId())));
                return Outcome.CONSULTING;
            }
            String reason = failure != null ? failure.getMessage() : result.reasonText();
            sessions.remove(agent);
            // back to the caller, who was only waiting with music
            try {
                client.redirect(Redirect.one(call.agentChannel(), InterpreterBridge.OPERATOR_CONTEXT, conference));
            } catch (AmiException e) {
                reason = reason + "; the operator could not be brought back: " + e.getMessage();
            }
            finish(actor, call, target, "warm", "agency_unreachable", reason, started, null);
            return Outcome.AGENCY_UNREACHABLE;
        });
    }

    /** Warm transfer, second step: operator and agency join the caller; all three are on the line. Blocks briefly. */
    public void join(String actor, String agent) throws TelephonyRefused {
        AmiClient client = client();
        Session session = session(agent, State.CONSULTING);
        String agencyChannel = tracker.member(session.call().conference() + "-consult", session.agencyId())
                .orElseThrow(() -> new TelephonyRefused(409, "agency_not_on_line", "The agency is not on the line."));
        // marked JOINED first, so the operator leaving the consultation is not taken for a hang-up
        sessions.put(agent, session.with(State.JOINED, session.agencyId(), clock.instant()));
        String conference = session.call().conference();
        try {
            client.redirect(Redirect.both(session.call().agentChannel(), InterpreterBridge.OPERATOR_CONTEXT, conference,
                    agencyChannel, AGENCY_CONTEXT, conference));
        } catch (AmiException e) {
            sessions.put(agent, session);
            throw new TelephonyRefused(502, "telephony_refused", "The three of you could not be joined: " + e.getMessage());
        }
        audit.record(new AuditEvent(actor, "call.transfer_join", session.target().reference(),
                Map.of("referral", session.target().referralId(), "agency", session.target().agencyId())));
    }

    /** Warm transfer, last step: the operator leaves; the agency stays with the caller. Blocks briefly. */
    public LiveHandover leave(String actor, String agent) throws TelephonyRefused {
        AmiClient client = client();
        Session session = session(agent, State.JOINED);
        sessions.remove(agent);
        try {
            client.kick(session.call().conference(), session.call().agentChannel());
        } catch (AmiException e) {
            sessions.put(agent, session);
            throw new TelephonyRefused(502, "telephony_refused", "You could not be taken off the call: " + e.getMessage());
        }
        return finish(actor, session.call(), session.target(), "warm", "handed_over", "", session.startedAt(),
                session.joinedAt());
    }

    /** Sends the caller to the agency's duty line without speaking to it first. Blocks briefly. */
    public LiveHandover blind(String actor, String agent, String referralId) throws TelephonyRefused {
        AmiClient client = client();
        if (sessions.containsKey(agent)) {
            throw new TelephonyRefused(409, "transfer_in_progress", "A transfer of this call is already under way.");
        }
        ConnectedCall call = call(agent);
        TransferTarget target = target(referralId, call);
        Instant started = clock.instant();
        move(client, Redirect.one(call.callerChannel(), BLIND_CONTEXT, target.dutyNumber()),
                "The caller could not be transferred: ");
        return finish(actor, call, target, "blind", "handed_over", "", started, null);
    }

    /** The tip reference of the call this operator is on, when the IVR left one. */
    public Optional<String> reference(String agent) {
        return tracker.callOf(agent).map(ConnectedCall::reference).filter(r -> !r.isEmpty());
    }

    /** AMI listener thread: who left which conference while a warm transfer was under way. */
    private void left(AmiEvent.BridgeLeft leave) {
        sessions.forEach((agent, s) -> {
            String conference = s.call().conference();
            if (leave.conference().equals(conference) && leave.uniqueId().equals(s.call().callId())
                    && sessions.remove(agent, s)) {
                finish(s.actor(), s.call(), s.target(), "warm", "caller_hung_up", "", s.startedAt(), s.joinedAt());
            } else if (s.state() == State.CONSULTING && leave.conference().equals(conference + "-consult")
                    && leave.channel().equals(s.call().agentChannel()) && sessions.remove(agent, s)) {
                requeue(s);
            }
        });
    }

    /** The operator hung up while the caller was on hold: the caller must not wait there alone. */
    private void requeue(Session s) {
        String detail = "";
        try {
            client().redirect(Redirect.one(s.call().callerChannel(), "hotline-result", "OPERATOR"));
        } catch (AmiException | TelephonyRefused e) {
            detail = "the caller could not be put back in the queue: " + e.getMessage();
        }
        finish(s.actor(), s.call(), s.target(), "warm", "operator_hung_up", detail, s.startedAt(), s.joinedAt());
    }

    private LiveHandover finish(String actor, ConnectedCall call, TransferTarget target, String mode, String outcome,
            String detail, Instant started, Instant joined) {
        LiveHandover handover = new LiveHandover(UUID.randomUUID().toString(), target.referralId(), target.reference(),
                target.agencyId(), actor, mode, outcome, detail, started, Optional.ofNullable(joined), clock.instant());
        handovers.record(handover);
        audit.record(new AuditEvent(actor, "call.transfer", target.reference(), Map.of("referral", target.referralId(),
                "agency", target.agencyId(), "mode", mode, "outcome", outcome,
                "seconds", String.valueOf(handover.duration().toSeconds()), "call", call.callId())));
        return handover;
    }

    private AmiClient client() throws TelephonyRefused {
        return ami.get().orElseThrow(() -> new TelephonyRefused(503, "telephony_unavailable",
                "The phone system is not configured on this node."));
    }

    private ConnectedCall call(String agent) throws TelephonyRefused {
        return tracker.callOf(agent).orElseThrow(() -> new TelephonyRefused(409, "not_in_call",
                "You are not on a call right now."));
    }

    private Session session(String agent, State expected) throws TelephonyRefused {
        Session session = sessions.get(agent);
        if (session == null || session.state() != expected) {
            throw new TelephonyRefused(409, "no_transfer", expected == State.CONSULTING
                    ? "No agency is waiting to be joined to this call." : "The agency has not been joined to the call.");
        }
        return session;
    }

    private TransferTarget target(String referralId, ConnectedCall call) throws TelephonyRefused {
        TransferTarget target = targets.apply(referralId).orElseThrow(() ->
                new TelephonyRefused(404, "not_found", "No such referral."));
        if (!call.reference().isEmpty() && !call.reference().equals(target.reference())) {
            throw new TelephonyRefused(409, "other_case", "That referral belongs to another report than this call's.");
        }
        if (!target.dialable()) {
            throw new TelephonyRefused(409, "no_duty_line", "The directory has no duty line for " + target.agencyName()
                    + ".");
        }
        return target;
    }

    private static void move(AmiClient client, Redirect redirect, String failure) throws TelephonyRefused {
        try {
            client.redirect(redirect);
        } catch (AmiException e) {
            throw new TelephonyRefused(502, "telephony_refused", failure + e.getMessage());
        }
    }
}
