package org.hotline.ivr.server.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.MappingStrategy;
import org.hotline.ivr.server.CallInfo;
import org.hotline.ivr.server.CallStatus;
import org.hotline.ivr.server.IvrServerConfig;
import org.hotline.ivr.server.SessionOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks what runs for a connection: a bad-request ending for an unusable agi_ block, the busy prompt beyond
 * capacity, the registered script by name (the query string is ignored for the choice), or the
 * service-unavailable prompt for an unknown name. Never returns null, so Asterisk-Java never ends a call
 * without our status.
 */
final class ScriptMapping implements MappingStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(ScriptMapping.class);

    private final Map<String, AgiScript> scripts;
    private final IvrServerConfig config;
    private final SafeObserver observer;

    ScriptMapping(Map<String, AgiScript> scripts, IvrServerConfig config, SafeObserver observer) {
        this.scripts = Map.copyOf(scripts);
        this.config = config;
        this.observer = observer;
    }

    @Override
    public AgiScript determineScript(AgiRequest request, AgiChannel channel) {
        CallContext context = CallContext.current();
        String problem = RequestCheck.problem(context.socket(), request);
        if (problem != null) {
            return badRequest(context.socket(), problem);
        }
        CallInfo call = RequestCheck.describe(request);
        if (!context.admitted()) {
            LOG.warn("call {}: beyond capacity {}, caller hears the busy prompt", call.uniqueId(),
                    config.effectiveCapacity());
            observer.busyRejected(call);
            return new AnnouncementScript(call, CallStatus.BUSY, config.busyPrompt());
        }
        AgiScript script = scripts.get(call.script());
        if (script == null) {
            LOG.warn("call {}: no script named '{}'", call.uniqueId(), call.script());
            observer.callStarted(call);
            return (req, chan) -> {
                long start = System.nanoTime();
                new AnnouncementScript(call, CallStatus.UNKNOWN_SCRIPT, config.unavailablePrompt()).service(req, chan);
                observer.callEnded(call, SessionOutcome.UNKNOWN_SCRIPT, CallStatus.UNKNOWN_SCRIPT,
                        Duration.ofNanos(System.nanoTime() - start));
            };
        }
        return new GuardedScript(script, call, context.socket(), observer);
    }

    private AgiScript badRequest(CallSocket socket, String problem) {
        LOG.warn("unusable agi_ block from {}: {}", socket.getRemoteAddress(), problem);
        observer.malformedRequest(problem);
        if (socket.headerEnded()) {
            // A peer that finished its block waits for commands: tell it why nothing runs.
            CallInfo unknown = new CallInfo("unknown", "unknown", "", "", null, null);
            return (request, channel) -> GuardedScript.setStatus(channel, CallStatus.BAD_REQUEST, unknown);
        }
        return (request, channel) -> {
            try {
                // The block never ended: nobody is listening for commands, so end the connection now.
                socket.close();
            } catch (IOException e) {
                LOG.debug("closing an unusable connection failed", e);
            }
        };
    }
}
