package org.hotline.bench.intake;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.hotline.core.tip.SealedTip;
import org.hotline.core.crypto.DataKeys;
import org.hotline.core.crypto.FieldCipher;
import org.hotline.core.crypto.TipCipher;
import org.hotline.core.intake.TipIntakeService;
import org.hotline.core.intake.internal.CounterFile;
import org.hotline.core.intake.ReferenceCodec;
import org.hotline.core.intake.internal.TipJournal;
import org.hotline.core.intake.internal.TipWriter;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.pathway.ActivePathway;
import org.hotline.core.referral.Dispatch;
import org.hotline.core.referral.DispatchConfig;
import org.hotline.core.referral.SecretResolver;
import org.hotline.core.routing.TipRouter;
import org.hotline.core.tip.internal.MongoTipRepository;
import org.hotline.core.security.ServerKey;
import org.hotline.core.storage.MongoStore;
import org.hotline.pathway.Pathway;

/**
 * The real intake path, wired as {@code Hotline} wires it, over the embedded MongoDB-compatible server in a
 * temp folder: journal (fsync) → {@link TipWriter} (MongoDB) → optionally routing and dispatch. The benchmarks
 * drive {@link #intake()} directly, without the IVR in front.
 */
public final class IntakeRig implements AutoCloseable {

    private final Deque<AutoCloseable> parts = new ArrayDeque<>();
    private final MongoStore mongo;
    private final TipIntakeService intake;

    private IntakeRig(Path dir, Pathway pathway, Map<String, String> env, Consumer<SealedTip> onStored) {
        Clock clock = Clock.systemUTC();
        HotlineMetrics metrics = new HotlineMetrics(false);
        ServerKey key = ServerKey.load(Optional.empty(), dir);
        TipCipher cipher = new TipCipher(new FieldCipher(DataKeys.open(env, dir)));
        mongo = push(MongoStore.embedded(dir.resolve("mongo"), 0, "bench", Duration.ofSeconds(5)));
        Consumer<List<SealedTip>> afterStored = batch -> batch.forEach(onStored);
        MongoTipRepository tips = new MongoTipRepository(mongo, cipher);
        if (pathway != null) {
            DispatchConfig config = DispatchConfig.defaults("bench");
            ActivePathway active = ActivePathway.of(pathway);
            Dispatch dispatch = push(Dispatch.start(new Dispatch.Needs(mongo, config,
                    ref -> Optional.ofNullable(env.get(ref)), metrics, clock, cipher, event -> { },
                    new org.hotline.core.tip.TipQueries(tips)::caseFile, active::get)));
            TipRouter router = new TipRouter(tips, active, dispatch.referrals(), dispatch.updates(),
                    clock);
            afterStored = batch -> router.routeAll(batch.stream().map(tips::decode).toList());
        }
        TipJournal journal = push(TipJournal.open(dir.resolve("journal")));
        TipWriter<SealedTip> writer = push(TipWriter.forTips(mongo, tips::insertAllAbsent, journal, afterStored, metrics));
        writer.start();
        intake = new TipIntakeService(journal, writer, new ReferenceCodec(key.derive("reference"), 0),
                CounterFile.open(dir.resolve("reference-counter")), key, metrics, clock, "bench", tips);
    }

    /**
     * Journal and MongoDB only: tips are stored, not routed.
     *
     * @param onStored told of each tip once MongoDB holds it (on the writer's routing thread)
     */
    public static IntakeRig storeOnly(Path dir, Consumer<SealedTip> onStored) {
        return new IntakeRig(dir, null, Map.of(), onStored);
    }

    /** The whole path: stored tips are routed by {@code pathway} and dispatched (secrets from {@code env}). */
    public static IntakeRig withDispatch(Path dir, Pathway pathway, Map<String, String> env) {
        return new IntakeRig(dir, pathway, env, tip -> { });
    }

    public TipIntakeService intake() {
        return intake;
    }

    public MongoStore mongo() {
        return mongo;
    }

    @Override
    public void close() {
        while (!parts.isEmpty()) {
            try {
                parts.pop().close();
            } catch (Exception e) {
                System.err.println("bench: closing " + e.getMessage());
            }
        }
    }

    private <T extends AutoCloseable> T push(T part) {
        parts.push(part);
        return part;
    }
}
