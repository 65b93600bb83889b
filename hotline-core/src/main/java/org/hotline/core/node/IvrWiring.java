package org.hotline.core.node;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hotline.core.console.Console;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.pathway.ActivePathway;
import org.hotline.core.referral.Dispatch;
import org.hotline.core.routing.AfterHours;
import org.hotline.core.routing.TipRouter;
import org.hotline.core.tip.TipRepository;
import org.hotline.core.stats.CallLog;
import org.hotline.core.stats.StatsConfig;
import org.hotline.core.stats.SurveyLog;
import org.hotline.core.storage.MongoStore;
import org.hotline.ivr.CapturedTip;
import org.hotline.ivr.flow.Choice;
import org.hotline.ivr.flow.Flow;
import org.hotline.ivr.flow.FlowObserver;
import org.hotline.ivr.flow.FlowOptions;
import org.hotline.ivr.flow.FlowRegistry;
import org.hotline.ivr.server.CallInfo;
import org.hotline.ivr.server.CallObserver;
import org.hotline.ivr.server.IvrServer;
import org.hotline.ivr.server.IvrServerConfig;
import org.hotline.ivr.server.SessionOutcome;
import org.hotline.pathway.Pathway;

/** Connects the IVR to the rest of the node: the region menu from the pathway, metrics and the call log. */
final class IvrWiring {

    private IvrWiring() {}

    /**
     * Flow options whose region menu is the pathway's keypad list, so the IVR and the pathway never disagree
     * about region codes. Each region's prompt is {@code region_<code>} in every language catalogue.
     */
    static FlowOptions flowOptions(Pathway pathway, FlowRegistry flows, HotlineMetrics metrics) {
        List<Choice> regions = new ArrayList<>();
        pathway.regionKeypad().forEach((digit, code) ->
                regions.add(new Choice(digit, code, "region_" + code.toLowerCase(Locale.ROOT))));
        Map<String, List<Choice>> lists = new java.util.HashMap<>();
        if (!regions.isEmpty()) {
            lists.put("region", regions);
        }
        lists.put("nationality", nationalities(pathway));
        return FlowOptions.defaults().withObserver(flowObserver(metrics)).withLists(lists);
    }

    /**
     * The victims' nationality menu: the nationalities the pathway's transnational section names (so its rules
     * can fire from a call), then the pathway's own country, then {@code other}; prompts {@code nationality_<code>}.
     * Keys 1-8 only (9 is the danger key): beyond seven countries the rest count as {@code other}.
     */
    static List<Choice> nationalities(Pathway pathway) {
        List<String> codes = new ArrayList<>(pathway.transnationalNationalities());
        String country = pathway.definition().header().country();
        if (country != null && !codes.contains(country)) {
            codes.add(country);
        }
        List<Choice> menu = new ArrayList<>();
        for (String code : codes.subList(0, Math.min(codes.size(), 7))) {
            menu.add(new Choice(String.valueOf(menu.size() + 1), code, "nationality_" + code.toLowerCase(Locale.ROOT)));
        }
        menu.add(new Choice(String.valueOf(menu.size() + 1), "other", "nationality_other"));
        return menu;
    }

    /**
     * The node's one tip router, with after-hours care by the opening hours of the flow that took each call (as
     * the registry holds it now).
     */
    static TipRouter router(TipRepository tips, ActivePathway pathway, Dispatch dispatch, FlowRegistry flows,
            Map<String, String> env, Clock clock) {
        AfterHours afterHours = new AfterHours(tips, flowId -> flows.current().flow(flowId).map(Flow::hours),
                HoursSettings.fromEnv(env).afterHoursReviewWithin(), Console.zone(env));
        return new TipRouter(tips, pathway, dispatch.referrals(), dispatch.updates(), clock, afterHours);
    }

    /**
     * The options with the post-contact survey's answers going to the statistics, kept in {@code journal} while
     * MongoDB is away ({@code outage}) or refuses them; the journal's backlog is part of the outage's "back" line.
     */
    static FlowOptions withSurvey(FlowOptions options, StatsConfig stats, MongoStore mongo,
            org.hotline.core.intake.JournaledQueue journal, org.hotline.core.storage.MongoOutage outage, Clock clock) {
        outage.backlog("survey answers", journal::backlog);
        return options.withSurvey(new SurveyLog(mongo, clock, stats.zone(), java.util.Optional.of(journal),
                outage::isDown));
    }

    /** The options with a flow observer that also records every call in the statistics' call log. */
    static FlowOptions withCallLog(FlowOptions options, CallLog calls) {
        FlowObserver inner = options.observer();
        return options.withObserver(new FlowObserver() {
            @Override
            public void promptFallback(String flowLabel, String language, String promptId) {
                inner.promptFallback(flowLabel, language, promptId);
            }

            @Override
            public void nodeCompleted(String flowLabel, String nodeId, Duration time) {
                inner.nodeCompleted(flowLabel, nodeId, time);
            }

            @Override
            public void inputFailed(String flowLabel, String nodeId) {
                inner.inputFailed(flowLabel, nodeId);
            }

            @Override
            public void intakeUnavailable(String flowLabel, String nodeId) {
                inner.intakeUnavailable(flowLabel, nodeId);
            }

            @Override
            public void callEnded(String flowLabel, String status, CapturedTip tip) {
                inner.callEnded(flowLabel, status, tip);
                calls.flowEnded(flowLabel, status, tip);
            }
        });
    }

    /** Starts the FastAGI server; a taken port is a {@link PortInUseException} naming {@code HOTLINE_AGI_PORT}. */
    static IvrServer listen(IvrServer ivr, IvrServerConfig config) {
        try {
            ivr.start();
            return ivr;
        } catch (java.io.IOException e) {
            if (PortInUseException.isBindFailure(e)) {
                throw new PortInUseException("FastAGI", config.bindAddress(), config.port(), "HOTLINE_AGI_PORT", e);
            }
            throw new java.io.UncheckedIOException("cannot listen for FastAGI on port " + config.port(), e);
        }
    }

    static CallObserver callObserver(HotlineMetrics metrics, CallLog calls) {
        return new CallObserver() {
            @Override
            public void callStarted(CallInfo call) {
                metrics.callStarted();
            }

            @Override
            public void callEnded(CallInfo call, SessionOutcome outcome, String status, Duration duration) {
                metrics.callEnded(status, call.language());
            }

            @Override
            public void commandCompleted(String command, Duration latency) {
                metrics.agiCommand(command, latency.toNanos() / 1e9);
            }

            @Override
            public void busyRejected(CallInfo call) {
                metrics.callRejectedBusy();
                calls.busy(call.language());
            }
        };
    }

    private static FlowObserver flowObserver(HotlineMetrics metrics) {
        return new FlowObserver() {
            @Override
            public void promptFallback(String flowLabel, String language, String promptId) {
                metrics.promptFallback(language);
            }

            @Override
            public void nodeCompleted(String flowLabel, String nodeId, Duration time) {
                metrics.ivrNode(flowLabel, nodeId, time.toNanos() / 1e9);
            }

            @Override
            public void inputFailed(String flowLabel, String nodeId) {
                metrics.inputFailed(flowLabel, nodeId);
            }
        };
    }
}
