package org.hotline.core.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline.core.pathway.ActivePathway;
import org.hotline.core.referral.Referral;
import org.hotline.core.referral.ReferralService;
import org.hotline.core.referral.ReferralUpdates;
import org.hotline.core.tip.CaseFile;
import org.hotline.core.tip.Tip;
import org.hotline.core.tip.TipRepository;
import org.hotline.core.tip.TipStatus;
import org.hotline.pathway.Pathway;
import org.hotline.pathway.Recipient;
import org.hotline.pathway.Routing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.hotline.core.storage.MongoOutage;

/**
 * The one router of tips: evaluates the active pathway for a case file and hands the routing to the referral
 * outbox, whose payloads the one disclosure function cuts. {@link #route} is the first routing of a stored tip
 * (IVR, operator's new report); {@link #reroute} routes a tip again after an operator changed it (intake form,
 * emergency), so new agencies get referrals and agencies already referred get an update. Both take the same
 * path, so the duty-officer ring, audits and consent rules apply to both alike.
 *
 * <p>A call that did not give a report — abandoned, silent, busy, or handed to an operator with key 0 — is not
 * routed on its own unless it flags danger or a child: it waits for the operator's intake form or a
 * supervisor's review instead of sending agencies a referral with nothing in it.
 */
public final class TipRouter {

    private static final Logger LOG = LoggerFactory.getLogger(TipRouter.class);
    private static final Set<String> WITHOUT_REPORT = Set.of("ABANDONED", "SILENT", "BUSY");

    private final TipRepository tips;
    private final ActivePathway pathway;
    private final ReferralService referrals;
    private final ReferralUpdates updates;
    private final Clock clock;
    private final AfterHours afterHours;
    /** How long after a start or a failed routing the sweeper looks at each of its turns. */
    static final Duration SWEEP_WINDOW = Duration.ofSeconds(30);
    private volatile Instant sweepUntil;
    private volatile Instant lastSweep;

    /** A router for a node without IVR flows: no tip is ever after hours. */
    public TipRouter(TipRepository tips, ActivePathway pathway, ReferralService referrals, ReferralUpdates updates,
            Clock clock) {
        this(tips, pathway, referrals, updates, clock, AfterHours.never(tips));
    }

    public TipRouter(TipRepository tips, ActivePathway pathway, ReferralService referrals, ReferralUpdates updates,
            Clock clock, AfterHours afterHours) {
        this.afterHours = afterHours;
        this.tips = tips;
        this.pathway = pathway;
        this.referrals = referrals;
        this.updates = updates;
        this.clock = clock;
        this.lastSweep = clock.instant();
        this.sweepUntil = lastSweep.plus(SWEEP_WINDOW);
    }

    /** What a re-routing did: the recipients now, and which of them got an update instead of a new referral. */
    public record Rerouted(List<Recipient> recipients, Set<String> updated) {}

    /** Routes one stored tip, given by id (no-op when it is already routed or gone). */
    public void route(String tipId) {
        tips.find(tipId).ifPresent(this::route);
    }

    /** Routes a tip as it was just stored (no-op when it is already routed). */
    public void route(Tip tip) {
        if (tip.status() != TipStatus.RECEIVED) {
            return;
        }
        CaseFile file = tip.caseFile();
        if (!routable(file)) {
            tips.holdForReview(file.tipId(), holdNote(file));
            afterHours.settle(tip, true);
            return;
        }
        Pathway active = pathway.get();
        Routing routing = active.route(file.facts());
        referrals.createReferrals(file, routing, active);
        markRouted(file.tipId(), routing, routing.recipients().stream().map(TipRouter::summary).toList());
        afterHours.settle(tip, false);
        logRouted(file, routing);
    }

    private static void logRouted(CaseFile file, Routing routing) {
        LOG.info("Tip {} routed by pathway {} v{} to {}", file.reference(), routing.pathwayId(),
                routing.pathwayVersion(), routing.recipients().stream().map(Recipient::agencyId).collect(Collectors.joining(",")));
    }

    /**
     * Routes tips as a writer just stored them, as {@link #route(Tip)} does one by one, with the referrals of all of
     * them stored in one round trip and their routings recorded in another: under load a batch holds many tips, and
     * two round trips for all of them cost the database less than two for each. Should the batch fail (one case
     * refused, the database gone), each tip is routed alone, so one bad case holds back no other.
     */
    public void routeAll(List<Tip> stored) {
        if (stored.size() == 1) {
            try {
                route(stored.get(0));
            } catch (RuntimeException e) {
                sweepSoon(); // the tip is stored: the sweeper routes it
                throw e;
            }
            return;
        }
        Pathway active = pathway.get();
        List<ReferralService.Routed> plans = new ArrayList<>();
        List<TipRepository.Routed> records = new ArrayList<>();
        List<Tip> routed = new ArrayList<>();
        List<Tip> alone = new ArrayList<>();
        for (Tip tip : stored) {
            if (tip.status() != TipStatus.RECEIVED) {
                continue;
            }
            CaseFile file = tip.caseFile();
            if (!routable(file)) {
                alone.add(tip); // held for review: rare, and settled on its own
                continue;
            }
            Routing routing = active.route(file.facts());
            plans.add(new ReferralService.Routed(file, routing, active));
            records.add(new TipRepository.Routed(file.tipId(), record(routing),
                    routing.recipients().stream().map(TipRouter::summary).toList()));
            routed.add(tip);
        }
        try {
            referrals.createReferralsOfAll(plans);
            tips.markAllRouted(records);
        } catch (RuntimeException e) {
            LOG.debug("Routing a batch of {} tips failed; routing each alone", routed.size(), e);
            alone.addAll(routed);
            routed.clear();
        }
        for (int i = 0; i < routed.size(); i++) {
            afterHours.settle(routed.get(i), false);
            logRouted(plans.get(i).file(), plans.get(i).routing());
        }
        for (Tip tip : alone) {
            try {
                route(tip);
            } catch (RuntimeException e) {
                sweepSoon();
                MongoOutage.warnUnlessOutage(LOG, e, "Routing tip {} failed; the sweeper will retry", tip.reference());
            }
        }
    }

    /**
     * Routes a tip again after a person changed it: always, even a call the IVR left partial (a person has now
     * taken the report). Agencies the new routing adds get their referral; agencies that had one get revision
     * {@code revision} as an update.
     */
    public Rerouted reroute(String tipId, int revision) {
        Tip tip = tips.find(tipId).orElseThrow(() -> new IllegalStateException("tip " + tipId + " vanished while routing"));
        CaseFile file = tip.caseFile();
        Pathway active = pathway.get();
        Routing routing = active.route(file.facts());
        Set<String> before = new LinkedHashSet<>();
        for (Referral r : referrals.forTip(tipId)) {
            if (ReferralService.isReferralItself(r.id(), tipId, r.agencyId())) {
                before.add(r.agencyId());
            }
        }
        referrals.createReferrals(file, routing, active);
        updates.send(file, revision, routing, active, before);
        // what has not gone out yet carries the case as it is now (removed data, withdrawn consent, danger)
        referrals.recutUndelivered(file, routing, active);
        List<Tip.RoutedTo> recipients = new ArrayList<>(tip.recipients());
        Set<String> listed = new LinkedHashSet<>();
        recipients.forEach(r -> listed.add(r.agencyId()));
        routing.recipients().stream().filter(r -> listed.add(r.agencyId())).map(TipRouter::summary).forEach(recipients::add);
        markRouted(tipId, routing, recipients);
        Set<String> updated = new LinkedHashSet<>();
        routing.recipients().stream().map(Recipient::agencyId).filter(before::contains).forEach(updated::add);
        return new Rerouted(routing.recipients(), updated);
    }

    /**
     * Sweeps ({@link #sweep}) when there is reason to: for {@link #SWEEP_WINDOW} after the node started or a routing
     * failed, and otherwise once per {@code every} as a safety net. A sweep reads every unrouted tip, which a store
     * without a usable index (the embedded one) finds by reading every tip, so it does not run every few seconds
     * for nothing. Returns how many tips it routed, or -1 when it did not sweep.
     */
    public int sweepIfDue(Duration olderThan, Duration every) {
        Instant now = clock.instant();
        if (now.isAfter(sweepUntil) && now.isBefore(lastSweep.plus(every))) {
            return -1;
        }
        lastSweep = now;
        return sweep(olderThan);
    }

    /** Makes {@link #sweepIfDue} sweep at each call for the next {@link #SWEEP_WINDOW}. */
    public void sweepSoon() {
        sweepUntil = clock.instant().plus(SWEEP_WINDOW);
    }

    /** Routes tips stored more than {@code olderThan} ago and still unrouted; returns how many. */
    public int sweep(Duration olderThan) {
        int count = 0;
        for (Tip tip : tips.unroutedBefore(clock.instant().minus(olderThan))) {
            try {
                route(tip);
                count++;
            } catch (RuntimeException e) {
                sweepSoon();
                MongoOutage.warnUnlessOutage(LOG, e, "Routing tip {} failed; will retry", tip.reference());
            }
        }
        return count;
    }

    /** Whether a first routing may send the case on its own (see the class comment). */
    static boolean routable(CaseFile file) {
        boolean noReport = WITHOUT_REPORT.contains(file.outcome())
                || "OPERATOR".equals(file.outcome()) && "ivr".equals(file.source());
        return !noReport || file.immediateDanger() || file.childInvolved();
    }

    private static String holdNote(CaseFile file) {
        return "OPERATOR".equals(file.outcome())
                ? "handed to an operator: routed when the operator files the report, or by a supervisor's review"
                : "partial call without danger or child flag: supervisor review";
    }

    private void markRouted(String tipId, Routing routing, List<Tip.RoutedTo> recipients) {
        tips.markRouted(tipId, record(routing), recipients);
    }

    private TipRepository.RoutingRecord record(Routing routing) {
        return new TipRepository.RoutingRecord(routing.pathwayId(), routing.pathwayVersion(), routing.fallbackUsed(),
                clock.instant());
    }

    private static Tip.RoutedTo summary(Recipient r) {
        return new Tip.RoutedTo(r.agencyId(), r.profile(), r.priority().name(), r.matchedRules());
    }
}
