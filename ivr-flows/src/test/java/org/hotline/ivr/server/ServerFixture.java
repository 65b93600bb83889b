package org.hotline.ivr.server;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.asteriskjava.fastagi.AgiScript;
import org.hotline.ivr.sim.AsteriskSimulator;
import org.hotline.ivr.sim.SimulatorOptions;

/** A started server on a free loopback port plus a simulator pointed at it. */
final class ServerFixture implements AutoCloseable {

    static final IvrServerConfig TEST_CONFIG = IvrServerConfig.defaults().withPort(0)
            .withSocketReadTimeout(Duration.ofSeconds(20));

    final IvrServer server;
    final RecordingObserver observer = new RecordingObserver();
    final AsteriskSimulator simulator;

    ServerFixture(IvrServerConfig config, Map<String, AgiScript> scripts) throws IOException {
        server = new IvrServer(config, scripts, observer);
        int port = server.start();
        simulator = new AsteriskSimulator("127.0.0.1", port, SimulatorOptions.defaults());
    }

    static ServerFixture start(Map<String, AgiScript> scripts) throws IOException {
        return new ServerFixture(TEST_CONFIG, scripts);
    }

    @Override
    public void close() {
        server.stop(Duration.ofSeconds(5));
    }
}
