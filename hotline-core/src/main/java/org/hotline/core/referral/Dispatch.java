package org.hotline.core.referral;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
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

    private Dispatch(ReferralService referrals, ReferralUpdates updates, ReferralAnswers answers, Optional<AnswerLinks> links,
            DeadlineSweeper sweeper, DispatchWorker worker, DispatchEngine engine) {
        this.referrals = referrals;
        this.updates = updates;
        this.answers = answers;
        this.links = links;
        this.sweeper = sweeper;
        this.worker = worker;
        this.engine = engine;
    }

    /** Wires dispatch and starts its polling threads. */
    public static Dispatch start(MongoStore mongo, DispatchConfig config, SecretResolver secrets,
            HotlineMetrics metrics, Clock clock) {
        Dispatch dispatch = create(mongo, config, secrets, metrics, clock);
        dispatch.worker.start();
        return dispatch;
    }

    /** Wires dispatch and starts the Camel routes, but not the polling threads. */
    public static Dispatch create(MongoStore mongo, DispatchConfig config, SecretResolver secrets,
            HotlineMetrics metrics, Clock clock) {
        Objects.requireNonNull(mongo, "mongo");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(clock, "clock");
        MongoReferralStore store = new MongoReferralStore(mongo.database());
        store.ensureIndexes(mongo.isEmbedded());
        ReferralService referrals = new ReferralService(new ReferralOutbox(store, metrics), store, clock);
        ReferralAnswers answers = new ReferralAnswers(mongo.database(), metrics, clock, referrals::payloadSeal);
        Optional<AnswerLinks> links = secrets.resolve(AnswerLinks.KEY_REF)
                .map(key -> new AnswerLinks(key.getBytes(StandardCharsets.UTF_8), answers, mongo.database(),
                        AnswerLinks.DEFAULT_VALIDITY, clock));
        DispatchEngine engine = new DispatchEngine(config, secrets, links);
        BackoffPolicy backoff = new BackoffPolicy(config.fastRetries(), config.backoffBase(), config.backoffMax(),
                new SecureRandom());
        DeadlineSweeper sweeper = new DeadlineSweeper(mongo.database(), metrics, clock);
        DispatchWorker worker = new DispatchWorker(store, engine, sweeper, config, backoff, metrics, clock);
        referrals.onCreated(worker::takeFresh);
        return new Dispatch(referrals, referrals.updates(), answers, links, sweeper, worker, engine);
    }

    /**
     * Stores the personal values of every referral payload encrypted from now on; delivery and the readers of
     * {@link #referrals()} decrypt them.
     */
    public Dispatch sealWith(PayloadSeal seal) {
        referrals.sealWith(seal);
        worker.openPayloadsWith(referrals::opened);
        return this;
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

    /** Acknowledgement deadlines: reminders and escalation (run by the worker threads; tests call it directly). */
    public DeadlineSweeper deadlines() {
        return sweeper;
    }

    public DispatchWorker worker() {
        return worker;
    }

    /** Stops the polling threads, then the Camel routes. */
    public void stop() {
        worker.stop();
        engine.close();
    }

    @Override
    public void close() {
        stop();
    }
}
