package org.hotline.bench.danger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.hotline.bench.Timing;
import org.hotline.bench.ivr.ServerHandle;
import org.hotline.bench.report.BenchReport.Throughput;
import org.hotline.bench.report.Stats;
import org.hotline.ivr.sim.AsteriskSimulator;
import org.hotline.ivr.sim.CallResult;
import org.hotline.ivr.sim.CallSetup;
import org.hotline.ivr.sim.CallerScript;
import org.hotline.ivr.sim.SimulatorOptions;

/**
 * Danger key to police: the real node in its own JVM (national pathway, every agency's webhook at a
 * {@link PoliceReceiver}, the duty officer rung through a {@link DutyPhoneAmi}) holds report calls in progress
 * ({@link BackgroundCalls}) while, one after the other, callers press {@code 9} at the danger question. Each is
 * timed from the moment its {@code 9} leaves for the node ({@link KeyTap}) to the police unit's receipt of the
 * whole IMMEDIATE referral and to the duty officer's {@code Originate}; at that same moment a raw Vert.x
 * WebClient POST of the referral's size goes to the same receiver, timed from send to arrival.
 */
public final class DangerBench {

    public static final String TO_POLICE = "danger-key-to-police";
    public static final String TO_ORIGINATE = "danger-key-to-duty-originate";
    public static final String RAW = "raw-webclient-post";

    /** How long a danger call's referral and ring may take before they count as missing. */
    private static final Duration ARRIVAL_LIMIT = Duration.ofSeconds(60);
    private static final String AMI_USER = "bench";
    private static final String AMI_SECRET = "bench-ami-secret";

    private final DangerSettings settings;
    private final Path repo;
    private final Path work;
    private final Consumer<String> log;
    private final AtomicInteger callIds = new AtomicInteger();
    private volatile Pressed current;
    private volatile BackgroundCalls background;

    public DangerBench(DangerSettings settings, Path repo, Path work, Consumer<String> log) {
        this.settings = settings;
        this.repo = repo;
        this.work = work;
        this.log = log;
    }

    /**
     * The caller of a danger call: English, reports forced labour in the first region, no child, then presses
     * {@code 9} (the flow's danger key) when asked whether someone is in danger now.
     */
    static CallerScript dangerCaller() {
        return CallerScript.pressing("1").silence().press("1").press("1").press("1").press("2").press("2").press("9");
    }

    /** The moment one danger call's 9 went out, and the background calls in progress then. */
    private static final class Pressed {
        final String rawId;
        volatile long at;
        volatile int inProgress;

        Pressed(String rawId) {
            this.rawId = rawId;
        }
    }

    /** One measured danger call. */
    private record DangerCall(String rawId, String reference, long pressedAt, int inProgress) {}

    /** Rows {@value #TO_POLICE}, {@value #TO_ORIGINATE} and {@value #RAW}; concurrency is the calls in progress. */
    public List<Throughput> run() throws IOException {
        try (PoliceReceiver police = PoliceReceiver.start();
                DutyPhoneAmi ami = DutyPhoneAmi.start(AMI_USER, AMI_SECRET)) {
            log.accept("danger: starting the hotline node JVM (AMI and duty officer on)");
            Path dir = Files.createDirectories(work.resolve("node"));
            BackgroundCalls load;
            List<DangerCall> measured;
            long seriesStart;
            long seriesEnd;
            try (ServerHandle node = ServerHandle.startHotline(repo, dir, settings.serverHeap(),
                    work.resolve("node.log"), nodeEnv(police, ami));
                    KeyTap tap = KeyTap.start(node.port(), pressed(police))) {
                AsteriskSimulator danger = new AsteriskSimulator("127.0.0.1", tap.port(),
                        SimulatorOptions.defaults().withIdleTimeout(Duration.ofSeconds(60)));
                warmUp(danger, police, ami);
                load = new BackgroundCalls(node.port(), settings.pacing());
                this.background = load;
                log.accept("danger: %d background calls over %d s, then %d danger calls".formatted(
                        settings.backgroundCalls(), settings.ramp().toSeconds(), settings.dangerCalls()));
                load.ramp(settings.backgroundCalls(), settings.ramp());
                seriesStart = System.nanoTime();
                measured = series(danger);
                seriesEnd = System.nanoTime();
                awaitArrivals(measured, police, ami);
                load.stop();
                log.accept(("danger: %d background calls started in all (%d replaced one that ended; %d ended without"
                        + " a status)").formatted(load.started(), load.started() - settings.backgroundCalls(),
                        load.unfinished()));
            }
            load.awaitEnded(Duration.ofSeconds(30));
            return rows(measured, police, ami, (seriesEnd - seriesStart) / 1e9);
        }
    }

    private Map<String, String> nodeEnv(PoliceReceiver police, DutyPhoneAmi ami) {
        return Map.of("HOTLINE_DEMO_AGENCY_URL", police.baseUrl(),
                "HOTLINE_AMI_HOST", "127.0.0.1", "HOTLINE_AMI_PORT", Integer.toString(ami.port()),
                "HOTLINE_AMI_USERNAME", AMI_USER, "HOTLINE_AMI_SECRET", AMI_SECRET,
                "HOTLINE_DUTY_OFFICER_CHANNEL", "PJSIP/duty-officer",
                // the background calls need not finish when the measuring is over
                "HOTLINE_DRAIN_TIMEOUT", "1s");
    }

    /** On each 9: note the moment and the load, and send the raw baseline POST at once. */
    private LongConsumer pressed(PoliceReceiver police) {
        return at -> {
            Pressed p = current;
            if (p != null && p.at == 0) {
                p.at = at;
                p.inProgress = background == null ? 0 : background.inProgress();
                police.sendRaw(p.rawId, Math.max(police.immediateBytes(), 512));
            }
        };
    }

    /** One unmeasured danger call: class loading, connections, the AMI login; fails clearly if nothing arrives. */
    private void warmUp(AsteriskSimulator danger, PoliceReceiver police, DutyPhoneAmi ami) {
        DangerCall call = dangerCall(danger);
        awaitArrivals(List.of(call), police, ami);
        if (police.immediateArrival(call.reference()) == null || ami.originateArrival(call.reference()) == null) {
            throw new IllegalStateException("the warm-up danger call " + call.reference() + " reached "
                    + (police.immediateArrival(call.reference()) == null ? "no police receiver" : "the police")
                    + " and " + (ami.originateArrival(call.reference()) == null ? "no Originate" : "the duty officer")
                    + " within " + ARRIVAL_LIMIT.toSeconds() + " s; see the node log in the bench work folder");
        }
    }

    private List<DangerCall> series(AsteriskSimulator danger) {
        List<DangerCall> calls = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < settings.dangerCalls(); i++) {
            Timing.parkUntil(t0 + settings.spacing().toNanos() * i);
            calls.add(dangerCall(danger));
        }
        return calls;
    }

    private DangerCall dangerCall(AsteriskSimulator danger) {
        Pressed p = new Pressed("raw-" + callIds.incrementAndGet());
        current = p;
        CallResult result = danger.call(CallSetup.of("hotline"), dangerCaller());
        current = null;
        String reference = result.variables().get("HOTLINE_REFERENCE");
        if (p.at == 0 || reference == null || !"EMERGENCY".equals(result.status())) {
            throw new IllegalStateException("a danger call did not end in the emergency hand-off: status "
                    + result.status() + ", reference " + reference + ", 9 seen " + (p.at != 0) + ", ending "
                    + result.ending() + ", violations " + result.violations());
        }
        return new DangerCall(p.rawId, reference, p.at, p.inProgress);
    }

    private static void awaitArrivals(List<DangerCall> calls, PoliceReceiver police, DutyPhoneAmi ami) {
        long deadline = System.nanoTime() + ARRIVAL_LIMIT.toNanos();
        while (System.nanoTime() < deadline && !calls.stream().allMatch(c -> police.immediateArrival(c.reference())
                != null && ami.originateArrival(c.reference()) != null && police.rawLatencyNanos(c.rawId()) >= 0)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    private static List<Throughput> rows(List<DangerCall> calls, PoliceReceiver police, DutyPhoneAmi ami,
            double seconds) {
        Stats toPolice = new Stats();
        Stats toOriginate = new Stats();
        Stats raw = new Stats();
        int inProgress = calls.stream().mapToInt(DangerCall::inProgress).min().orElse(0);
        for (DangerCall c : calls) {
            Long policeAt = police.immediateArrival(c.reference());
            Long ringAt = ami.originateArrival(c.reference());
            if (policeAt != null) {
                toPolice.recordNanos(policeAt - c.pressedAt());
            }
            if (ringAt != null) {
                toOriginate.recordNanos(ringAt - c.pressedAt());
            }
            if (police.rawLatencyNanos(c.rawId()) >= 0) {
                raw.recordNanos(police.rawLatencyNanos(c.rawId()));
            }
        }
        double perSecond = seconds <= 0 ? 0 : Math.round(calls.size() / seconds * 10) / 10.0;
        return List.of(new Throughput(RAW, inProgress, raw.count(), perSecond, raw.summary()),
                new Throughput(TO_POLICE, inProgress, toPolice.count(), perSecond, toPolice.summary()),
                new Throughput(TO_ORIGINATE, inProgress, toOriginate.count(), perSecond, toOriginate.summary()));
    }
}
