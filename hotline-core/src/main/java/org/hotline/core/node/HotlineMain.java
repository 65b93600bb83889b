package org.hotline.core.node;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.hotline.core.logging.LogSettings;
import org.hotline.core.ops.GracefulShutdown;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Process entry point: reads the environment, starts a node, and stops it cleanly on SIGTERM / Ctrl-C. */
public final class HotlineMain {

    private static final Logger LOG = LoggerFactory.getLogger(HotlineMain.class);

    private HotlineMain() {}

    public static void main(String[] args) throws InterruptedException {
        Hotline hotline;
        try {
            LogSettings.fromEnvironment(System.getenv(), System.getProperty(LogSettings.LEVEL_PROPERTY));
            Clock clock = HoursSettings.fromEnv(System.getenv()).clock(Clock.systemUTC());
            hotline = Hotline.start(HotlineConfig.fromEnv(System.getenv()), System.getenv(), clock);
        } catch (IllegalArgumentException | PortInUseException e) {
            // Configuration and pathway problems, a taken port: say what is wrong, no stack trace.
            System.err.println("hotline: cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM/SIGINT drain and exit 0; the hook covers every other way the JVM ends (close is idempotent).
        GracefulShutdown.onTerminate(hotline::close);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("shutdown").unstarted(() -> {
            LOG.info("Shutting down: finishing calls in progress");
            hotline.close();
            stopped.countDown();
        }));
        System.out.println("hotline: ready (FastAGI port " + hotline.agiPort() + ", HTTP port " + hotline.httpPort() + ")");
        stopped.await();
    }
}
