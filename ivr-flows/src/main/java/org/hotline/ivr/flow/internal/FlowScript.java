package org.hotline.ivr.flow.internal;

import java.time.Clock;
import java.util.Optional;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.hotline.ivr.FollowUpDesk;
import org.hotline.ivr.TipIntake;
import org.hotline.ivr.agi.QuotedCommands;
import org.hotline.ivr.agi.ScriptName;
import org.hotline.ivr.flow.Flow;
import org.hotline.ivr.flow.FlowOptions;
import org.hotline.ivr.flow.FlowRegistry;
import org.hotline.ivr.flow.FlowSet;

/**
 * The AGI script running the flow named by the request's script path ({@code agi://host/hotline} runs flow
 * {@code hotline}); {@code ?lang=fr} preselects a configured language. Takes the registry's current set when
 * the call starts and keeps it to the end.
 */
public final class FlowScript implements AgiScript {

    private final FlowRegistry registry;
    private final TipIntake intake;
    private final FollowUpDesk desk;
    private final FlowOptions options;
    private final Clock clock;

    public FlowScript(FlowRegistry registry, TipIntake intake, FollowUpDesk desk, FlowOptions options, Clock clock) {
        this.registry = registry;
        this.intake = intake;
        this.desk = desk;
        this.options = options;
        this.clock = clock;
    }

    @Override
    public void service(AgiRequest request, AgiChannel agi) throws AgiException {
        FlowSet flows = registry.current();
        Optional<Flow> flow = flows.flow(ScriptName.of(request.getScript()));
        if (flow.isEmpty()) {
            agi.sendCommand(new QuotedCommands.SetVariable(CallEnd.STATUS, "UNKNOWN_SCRIPT"));
            return;
        }
        String lang = request.getParameter("lang");
        String language = lang != null && flow.get().offers(lang) ? lang : flow.get().defaultLanguage();
        CallState call = new CallState(request.getUniqueId(), request.getCallerIdNumber(), clock.instant(),
                flow.get(), language);
        new FlowCall(flows, new AgiCallChannel(agi), intake, desk, options, clock).run(call);
    }
}
