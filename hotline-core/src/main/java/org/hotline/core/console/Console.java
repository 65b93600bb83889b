package org.hotline.core.console;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.hotline.core.crypto.TipCipher;
import org.hotline.core.intake.JournaledQueue;
import java.util.Map;
import java.util.function.Supplier;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.http.ApiRoutes;
import org.hotline.core.intake.TipIntakeService;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.pathway.ActivePathway;
import org.hotline.core.referral.Dispatch;
import org.hotline.core.referral.ReferralInterventions;
import org.hotline.core.referral.Handovers;
import org.hotline.core.routing.TipRouter;
import org.hotline.core.storage.MongoStore;
import org.hotline.core.tip.TipRepository;

/** The operator and supervisor consoles of one node, wired: their API routes and their pages. */
public final class Console {

    /** Variable naming the hotline's time zone (callback windows are local times); default UTC. */
    public static final String ZONE_VARIABLE = "HOTLINE_TIME_ZONE";

    private Console() {}

    /** The time zone from {@value #ZONE_VARIABLE}; a bad value fails start-up naming the variable. */
    public static ZoneId zone(Map<String, String> env) {
        String value = env.getOrDefault(ZONE_VARIABLE, "UTC");
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(ZONE_VARIABLE + " must be a time zone id such as Africa/Monrovia (got '"
                    + value + "')", e);
        }
    }

    /**
     * The console's routes: operator API, supervisor API, pages and the OpenAPI document. {@code languages} are the
     * IVR's languages as they are now (the intake form offers them). With {@code formJournal} (not yet started),
     * forms and emergencies saved for an existing tip while MongoDB is down are kept there, sealed with
     * {@code cipher}, and applied when it is back; this starts its writer.
     */
    public static List<ApiRoutes> routes(MongoStore mongo, TipRepository tips, TipIntakeService intake,
            ActivePathway pathway, Dispatch dispatch, TipRouter routing, Handovers handovers, HotlineMetrics metrics,
            AuditLog audit, Clock clock, ZoneId zone, Supplier<List<String>> languages,
            Optional<JournaledQueue> formJournal, TipCipher cipher) {
        Runnable wake = dispatch.worker()::wakeUp;
        TipDesk desk = new TipDesk(tips, dispatch.referrals(), audit, clock, zone);
        Optional<KeptForms> kept = formJournal.map(journal -> new KeptForms(journal, cipher, clock));
        IntakeService intakeService = new IntakeService(tips, intake, routing, audit, clock, kept);
        formJournal.ifPresent(journal -> journal.start(mongo, forms -> forms.forEach(intakeService::applyKept), metrics));
        ReferralInterventions interventions = new ReferralInterventions(mongo.database(), metrics, clock, wake,
                handovers);
        return List.of(
                new OperatorRoutes(intakeService, desk, pathway, languages),
                new SupervisorRoutes(desk, interventions, pathway, audit),
                new ConsoleAssets());
    }
}
