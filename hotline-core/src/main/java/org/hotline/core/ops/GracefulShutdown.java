package org.hotline.core.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM (systemd stop, {@code kill}) and SIGINT (Ctrl-C) start a drain instead of the JVM's default exit:
 * {@code stop} runs once (the node stops taking calls, finishes those in progress, stops its parts) and the
 * process then exits with status 0, so a supervisor sees a clean stop rather than "killed by signal".
 */
public final class GracefulShutdown {

    private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);

    private GracefulShutdown() {}

    /** Installs the handlers; {@code stop} must be idempotent (a shutdown hook may call it too). */
    public static void onTerminate(Runnable stop) {
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> Thread.ofPlatform().name("drain").start(() -> {
                LOG.info("SIG{} received: draining", signal.getName());
                int status = 0;
                try {
                    stop.run();
                } catch (RuntimeException e) {
                    LOG.error("Stopping after SIG{} failed", signal.getName(), e);
                    status = 1;
                }
                System.exit(status);
            }));
        }
    }
}
