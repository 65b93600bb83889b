package org.hotline.ivr.flow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.asteriskjava.fastagi.AgiScript;
import org.hotline.ivr.server.CallObserver;
import org.hotline.ivr.server.IvrServer;
import org.hotline.ivr.server.IvrServerConfig;
import org.hotline.ivr.sim.AsteriskSimulator;
import org.hotline.ivr.sim.CallResult;
import org.hotline.ivr.sim.CallSetup;
import org.hotline.ivr.sim.CallerScript;
import org.hotline.ivr.sim.SimulatorOptions;

/**
 * The flows served by the hotline's FastAGI server on an ephemeral loopback port, called by the Asterisk
 * simulator, which knows exactly the sound files shipped in {@code ops/asterisk/sounds} (a prompt without a file
 * shows as a violation).
 */
final class FlowHarness implements AutoCloseable {

    static final Path FLOWS = Path.of("flows");
    static final Path SOUNDS = Path.of("..", "ops", "asterisk", "sounds");

    final RecordingIntake intake = new RecordingIntake();
    final InMemoryDesk desk = new InMemoryDesk();
    final MutableClock clock = new MutableClock();
    final FlowRegistry registry;
    private final IvrServer server;
    private final AsteriskSimulator simulator;

    FlowHarness() {
        this(FLOWS, FlowOptions.defaults());
    }

    FlowHarness(Path flows, FlowOptions options) {
        this(flows, options, CallObserver.NONE);
    }

    FlowHarness(Path flows, FlowOptions options, CallObserver observer) {
        registry = FlowRegistry.load(flows);
        AgiScript script = HotlineFlows.script(registry, intake, desk, options, clock);
        // "retired" is routed to the flows but no flow has that id (a flow removed while the dialplan still uses it)
        server = new IvrServer(IvrServerConfig.defaults().withPort(0),
                Map.of("hotline", script, "followup", script, "retired", script), observer);
        int port;
        try {
            port = server.start();
        } catch (IOException e) {
            throw new IllegalStateException("FastAGI server did not start", e);
        }
        simulator = new AsteriskSimulator("127.0.0.1", port,
                SimulatorOptions.defaults().withSounds(FlowHarness::soundExists));
    }

    /** Asterisk looks in sounds/<channel language>/<file>, then sounds/<file>; beep is an Asterisk core sound. */
    static boolean soundExists(String language, String file) {
        return file.equals("beep") || Files.isRegularFile(SOUNDS.resolve(language).resolve(file + ".wav"))
                || Files.isRegularFile(SOUNDS.resolve(file + ".wav"));
    }

    CallResult call(String script, CallerScript caller) {
        return simulator.call(CallSetup.of(script), caller);
    }

    CompletableFuture<CallResult> callAsync(String script, CallerScript caller) {
        return simulator.callAsync(CallSetup.of(script), caller);
    }

    @Override
    public void close() {
        server.stop(Duration.ofSeconds(5));
    }
}
