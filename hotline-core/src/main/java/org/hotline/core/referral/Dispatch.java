package org.hotline.core.referral;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.tip.CaseFile;
import org.hotline.pathway.Pathway;
import org.hotline.core.crypto.PayloadSeal;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.referral.internal.BackoffPolicy;
import org.hotline.core.referral.internal.DispatchEngine;
import org.hotline.core.referral.internal.MongoReferralStore;
import org.hotline.core.storage.MongoStore;

/**
 * Referral dispatch of one node, wired: the {@link ReferralService} that fills the outbox, the Camel routes
 * and the {@link DispatchWorker} that empties it. {@link #start} also starts the polling threads;
 * {@link #create} leaves them stopped so a test can drive {@link DispatchWorker#dispatchOnce()} itself.
 */
public final class Dispatch implements AutoCloseable {

    private final ReferralService referrals;
    private final ReferralUpdates updates;
    private final ReferralAnswers answers;
    private final Optional<AnswerLinks> links;
    private final DeadlineSweeper sweeper;
    private final DispatchWorker worker;
    private final DispatchEngine engine;
    private final Handovers handovers;
    private final DeadlineSchedule schedule;

    /**
     * What dispatch needs from the rest of the node, all given at construction.
     *
     * @param seal encrypts the personal values of stored payloads (opened just before delivery)
     * @param audit receives consent overrides and handover disclosures
     * @param caseFiles the decrypted case file of a tip id, empty once the tip is gone (escalation and reassign
     *     cut their payloads from it)
     * @param pathway the active pathway (the directory and profiles a handover is cut by)
     */
    public record Needs(MongoStore mongo, DispatchConfig config, SecretResolver secrets, HotlineMetrics metrics,
            Clock clock, PayloadSeal seal, AuditLog audit, Function<String, Optional<CaseFile>> caseFiles,
            Supplier<Pathway> pathway) {
        public Needs {
            Objects.requireNonNull(mongo, "mongo");
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(secrets, "secrets");
            Objects.requireNonNull(metrics, "metrics");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(seal, "seal");
            Objects.requireNonNull(audit, "audit");
            Objects.requireNonNull(caseFiles, "caseFiles");
            Objects.requireNonNull(pathway, "pathway");
        }
    }

    private Dispatch(ReferralService referrals, ReferralUpdates updates, ReferralAnswers answers, Optional<AnswerLinks> links,
            DeadlineSweeper sweeper, DispatchWorker worker, DispatchEngine engine, Handovers handovers,
            DeadlineSchedule schedule) {
        this.handovers = handovers;
        this.schedule = schedule;
        this.referrals = referrals;
        this.updates = updates;
        this.answers = answers;
        this.links = links;
        this.sweeper = sweeper;
        this.worker = worker;
        this.engine = engine;
    }

    /** Wires dispatch and starts its polling threads. */
    public static Dispatch start(Needs needs) {
        Dispatch dispatch = create(needs);
        dispatch.worker.start();
        dispatch.schedule.start(needs.config().nodeId());
        return dispatch;
    }

    /** Wires dispatch and starts the Camel routes, but not the polling threads. */
    public static Dispatch create(Needs needs) {
        MongoStore mongo = needs.mongo();
        DispatchConfig config = needs.config();
        SecretResolver secrets = needs.secrets();
        HotlineMetrics metrics = needs.metrics();
        Clock clock = needs.clock();
        MongoReferralStore store = new MongoReferralStore(mongo.database());
        store.ensureIndexes(mongo.isEmbedded());
        ReferralOutbox outbox = new ReferralOutbox(store, metrics, needs.seal(), needs.audit());
        ReferralService referrals = new ReferralService(outbox, store, clock);
        Handovers handovers = new Handovers(outbox, needs.caseFiles(), needs.pathway(), needs.audit());
        ReferralAnswers answers = new ReferralAnswers(mongo.database(), metrics, clock, referrals::payloadSeal);
        Optional<AnswerLinks> links = secrets.resolve(AnswerLinks.KEY_REF)
                .map(key -> new AnswerLinks(key.getBytes(StandardCharsets.UTF_8), answers, mongo.database(),
                        AnswerLinks.DEFAULT_VALIDITY, clock));
        DispatchEngine engine = new DispatchEngine(config, secrets, links);
        BackoffPolicy backoff = new BackoffPolicy(config.fastRetries(), config.backoffBase(), config.backoffMax(),
                new SecureRandom());
        DeadlineSweeper sweeper = new DeadlineSweeper(mongo.database(), metrics, clock, handovers);
        DispatchWorker worker = new DispatchWorker(store, engine, config, backoff, referrals::opened, metrics, clock);
        DeadlineSchedule schedule = new DeadlineSchedule(sweeper, config.pollInterval(), worker::wakeUp);
        outbox.sendWith(worker.newReferrals());
        return new Dispatch(referrals, referrals.updates(), answers, links, sweeper, worker, engine, handovers, schedule);
    }

    /** Hands a case to an agency outside routing (a supervisor's reassign; escalation uses it too). */
    public Handovers handovers() {
        return handovers;
    }

    public ReferralService referrals() {
        return referrals;
    }

    /** Updates of a case for agencies that already have its referral (through the same outbox). */
    public ReferralUpdates updates() {
        return updates;
    }

    /** Agencies' acknowledgements, declines and outcomes. */
    public ReferralAnswers answers() {
        return answers;
    }

    /** Signed single-use answer links, when the {@value AnswerLinks#KEY_REF} secret is configured. */
    public Optional<AnswerLinks> answerLinks() {
        return links;
    }

    /** Acknowledgement deadlines: reminders and escalation (swept on a thread of their own; tests call it directly). */
    public DeadlineSweeper deadlines() {
        return sweeper;
    }

    public DispatchWorker worker() {
        return worker;
    }

    /** Stops the deadline sweeps and the polling threads, then the Camel routes. */
    public void stop() {
        schedule.close();
        worker.stop();
        engine.close();
    }

    @Override
    public void close() {
        stop();
    }
}
