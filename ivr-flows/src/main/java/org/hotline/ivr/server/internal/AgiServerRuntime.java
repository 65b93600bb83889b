package org.hotline.ivr.server.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.asteriskjava.fastagi.AgiScript;
import org.hotline.ivr.server.CallObserver;
import org.hotline.ivr.server.IvrServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Life cycle of one FastAGI server: start on an accept thread, count calls, drain on stop. */
public final class AgiServerRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(AgiServerRuntime.class);
    private static final long BIND_WAIT_SECONDS = 10;

    private enum State { NEW, RUNNING, STOPPED }

    private final IvrServerConfig config;
    private final Admission admission;
    private final HotlineAgiServer server;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile State state = State.NEW;
    private Thread acceptThread;
    private volatile int port = -1;

    public AgiServerRuntime(IvrServerConfig config, Map<String, AgiScript> scripts, CallObserver observer) {
        SafeObserver safe = new SafeObserver(observer);
        this.config = config;
        this.admission = new Admission(config.effectiveCapacity());
        this.server = new HotlineAgiServer(config, new ScriptMapping(scripts, config, safe),
                ObservedChannel.factory(safe), admission);
    }

    public int start() throws IOException {
        lock.lock();
        try {
            if (state != State.NEW) {
                throw new IllegalStateException("the FastAGI server was already started");
            }
            acceptThread = Thread.ofPlatform().name("agi-accept").daemon(true).start(this::acceptLoop);
            port = server.bound().get(BIND_WAIT_SECONDS, TimeUnit.SECONDS);
            state = State.RUNNING;
            LOG.info("FastAGI server listening on {}:{} (capacity {}, {} threads)", config.bindAddress(), port,
                    config.effectiveCapacity(), config.threads().virtual() ? "virtual" : "pooled");
            return port;
        } catch (ExecutionException e) {
            state = State.STOPPED;
            throw e.getCause() instanceof IOException io ? io
                    : new IOException("cannot listen on " + config.bindAddress() + ":" + config.port(), e.getCause());
        } catch (TimeoutException | InterruptedException e) {
            state = State.STOPPED;
            server.shutdown();
            throw new IOException("FastAGI server did not start listening within " + BIND_WAIT_SECONDS + " s", e);
        } finally {
            lock.unlock();
        }
    }

    private void acceptLoop() {
        try {
            server.startup();
        } catch (IOException e) {
            // A failed bind is reported once, by start(), to the code that asked for it.
            LOG.debug("FastAGI accept loop ended", e);
        }
        if (state == State.RUNNING) {
            LOG.error("FastAGI server on {}:{} stopped accepting calls", config.bindAddress(), port);
        }
    }

    public int port() {
        return port;
    }

    public int activeCalls() {
        return admission.activeCalls();
    }

    public boolean stop(Duration drain) {
        lock.lock();
        try {
            if (state != State.RUNNING) {
                state = State.STOPPED;
                return true;
            }
            state = State.STOPPED;
            server.shutdown();
            boolean drained = admission.awaitIdle(drain);
            if (!drained) {
                LOG.warn("{} calls still running after {}; cutting them off", admission.activeCalls(), drain);
                admission.closeAll();
            }
            acceptThread.join(Duration.ofSeconds(BIND_WAIT_SECONDS));
            LOG.info("FastAGI server on port {} stopped", port);
            return drained;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admission.closeAll();
            return false;
        } finally {
            lock.unlock();
        }
    }
}
