package org.hotline.ivr.flow;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.awaitility.Awaitility;
import org.hotline.ivr.sim.AsteriskSimulator;
import org.hotline.ivr.sim.CallResult;
import org.hotline.ivr.sim.CallSetup;
import org.hotline.ivr.sim.CallerScript;
import org.hotline.ivr.sim.SimulatorOptions;

/**
 * The flows served over real FastAGI on a loopback port, called by the Asterisk simulator, which knows exactly
 * the sound files shipped in {@code ops/asterisk/sounds} (a prompt without a file shows as a violation).
 */
final class FlowHarness implements AutoCloseable {

    static final Path FLOWS = Path.of("flows");
    static final Path SOUNDS = Path.of("..", "ops", "asterisk", "sounds");

    final RecordingIntake intake = new RecordingIntake();
    final InMemoryDesk desk = new InMemoryDesk();
    final MutableClock clock = new MutableClock();
    final FlowRegistry registry;
    private final DefaultAgiServer server;
    private final AsteriskSimulator simulator;

    FlowHarness() {
        this(FLOWS, FlowOptions.defaults());
    }

    FlowHarness(Path flows, FlowOptions options) {
        registry = FlowRegistry.load(flows);
        int port = freePort();
        server = new DefaultAgiServer(HotlineFlows.script(registry, intake, desk, options, clock));
        server.setPort(port);
        try {
            server.setAddress(InetAddress.getLoopbackAddress());
        } catch (RuntimeException e) {
            throw new IllegalStateException(e);
        }
        Thread.ofPlatform().daemon().name("flow-test-agi").start(() -> {
            try {
                server.startup();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> listening(port));
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean listening(int port) {
        try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
