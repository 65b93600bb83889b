package org.hotline.core.live;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.hotline.core.tip.Tip;
import org.hotline.core.ami.AmiEvent;
import org.hotline.core.ami.AmiListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.hotline.core.storage.MongoOutage;

/**
 * Builds the call pop when a queue call reaches an operator (AgentConnect) and hands it to the {@link LiveHub}
 * for that operator's interface; tells the hub when that call ends (AgentComplete) or when calls' ends can no
 * longer be seen (the AMI connection dropped). The tip is read by the reference the IVR put on the channel; this
 * listener has its own thread, so a slow tip read never holds up the queue view.
 */
public final class CallPops implements AmiListener {

    private static final Logger LOG = LoggerFactory.getLogger(CallPops.class);
    private static final String[] CONSENTS = {"record", "callback", "share_identity_police", "share_services", "statistics"};

    private final TipLookup tips;
    private final LiveHub hub;
    private final java.util.function.Predicate<String> flagged;

    public CallPops(TipLookup tips, LiveHub hub) {
        this(tips, hub, reference -> false);
    }

    /** {@code flagged}: whether the caller of a report is flagged for abusive calls (warning in the pop). */
    public CallPops(TipLookup tips, LiveHub hub, java.util.function.Predicate<String> flagged) {
        this.flagged = flagged;
        this.tips = tips;
        this.hub = hub;
    }

    private boolean warn(String reference) {
        try {
            return !reference.isEmpty() && flagged.test(reference);
        } catch (RuntimeException e) {
            LOG.warn("Call pop without the abuse check: flags could not be read ({})", e.toString());
            return false;
        }
    }

    @Override
    public void onEvent(AmiEvent event) {
        switch (event) {
            case AmiEvent.AgentConnected connected -> hub.publishPop(connected.agent(), build(connected));
            case AmiEvent.AgentCompleted completed -> hub.endCall(completed.agent(), completed.callId());
            case AmiEvent.Disconnected disconnected -> hub.forgetCalls();
            default -> { }
        }
    }

    CallPop build(AmiEvent.AgentConnected call) {
        String reference = call.variables().getOrDefault("HOTLINE_REFERENCE", "");
        String channelLanguage = call.variables().getOrDefault("HOTLINE_LANG", "");
        Optional<Tip> tip = Optional.empty();
        if (!reference.isEmpty()) {
            try {
                tip = tips.byReference(reference);
            } catch (RuntimeException e) {
                MongoOutage.warnUnlessOutage(LOG, e, "Call pop without tip details: tip could not be read");
            }
        }
        Map<String, Boolean> consents = new HashMap<>();
        // only what the caller answered: a purpose never asked is "not asked", never "refused"
        tip.ifPresent(t -> java.util.Arrays.stream(CONSENTS).filter(purpose -> t.consents().get(purpose) != null)
                .forEach(purpose -> consents.put(purpose, t.consents().get(purpose))));
        String language = tip.map(t -> t.text("language")).orElse(channelLanguage);
        return new CallPop(call.callId(), call.agent(), call.queue(), call.at(), call.holdSeconds(), reference,
                language == null ? channelLanguage : language, tip.isPresent(),
                tip.map(t -> t.text("exploitationType")).orElse(null), tip.map(t -> t.text("region")).orElse(null),
                tip.map(t -> t.flag("childInvolved")).orElse(null), tip.map(t -> t.flag("immediateDanger")).orElse(null),
                consents, tip.map(t -> t.recording() != null).orElse(false),
                call.variables().getOrDefault("HOTLINE_INTERPRETER", ""), warn(reference));
    }
}
