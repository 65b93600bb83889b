package org.hotline.ivr.server.internal;

import java.time.Duration;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.hotline.ivr.agi.QuotedCommands;
import org.hotline.ivr.server.CallInfo;
import org.hotline.ivr.server.CallStatus;
import org.hotline.ivr.server.SessionOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a registered script so that every ending leaves {@code HOTLINE_STATUS} for the dialplan: the script's own
 * value on success, {@code HANGUP} when the caller left first, {@code FAILED} when it threw. A hang-up is a normal
 * ending and is not logged as an error.
 */
final class GuardedScript implements AgiScript {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedScript.class);

    private final AgiScript script;
    private final CallInfo call;
    private final CallSocket socket;
    private final SafeObserver observer;

    GuardedScript(AgiScript script, CallInfo call, CallSocket socket, SafeObserver observer) {
        this.script = script;
        this.call = call;
        this.socket = socket;
        this.observer = observer;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) {
        ObservedChannel observed = (ObservedChannel) channel;
        long start = System.nanoTime();
        observer.callStarted(call);
        SessionOutcome outcome = run(request, channel);
        String status = switch (outcome) {
            case FAILED -> CallStatus.FAILED;
            case HUNG_UP -> observed.status().orElse(CallStatus.HANGUP);
            default -> observed.status().orElse(CallStatus.COMPLETED);
        };
        if (outcome == SessionOutcome.FAILED || observed.status().isEmpty()) {
            setStatus(channel, status, call);
        }
        if (outcome == SessionOutcome.COMPLETED && socket.hangupAnnounced() && !observed.hungUpByScript()) {
            // Asterisk announces a hang-up only before its next reply, so the status command may reveal it.
            outcome = SessionOutcome.HUNG_UP;
        }
        // counted in the language the caller was served in, not the one Asterisk announced at the start
        CallInfo served = observed.language().map(call::withLanguage).orElse(call);
        observer.callEnded(served, outcome, status, Duration.ofNanos(System.nanoTime() - start));
    }

    private SessionOutcome run(AgiRequest request, AgiChannel channel) {
        try {
            script.service(request, channel);
            boolean callerLeft = socket.hangupAnnounced() && !((ObservedChannel) channel).hungUpByScript();
            return callerLeft ? SessionOutcome.HUNG_UP : SessionOutcome.COMPLETED;
        } catch (AgiHangupException e) {
            if (socket.timedOut()) {
                LOG.warn("call {}: Asterisk did not answer within the socket read timeout", call.uniqueId());
                return SessionOutcome.FAILED;
            }
            LOG.debug("call {}: caller hung up", call.uniqueId());
            return SessionOutcome.HUNG_UP;
        } catch (AgiException | RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            LOG.error("call {}: script '{}' failed", call.uniqueId(), call.script(), e);
            return SessionOutcome.FAILED;
        }
    }

    /**
     * Sets the status variable; Asterisk accepts SET VARIABLE even on a hung-up channel. The command is
     * Asterisk-Java's, quoted without its regular expressions ({@link QuotedCommands}): every call ends here.
     */
    static void setStatus(AgiChannel channel, String status, CallInfo call) {
        try {
            channel.sendCommand(new QuotedCommands.SetVariable(CallStatus.VARIABLE, status));
        } catch (AgiException e) {
            LOG.debug("call {}: could not set {}={} ({})", call.uniqueId(), CallStatus.VARIABLE, status,
                    e.getClass().getSimpleName());
        }
    }
}
