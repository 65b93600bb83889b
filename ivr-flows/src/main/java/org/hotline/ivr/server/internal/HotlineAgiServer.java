package org.hotline.ivr.server.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.fastagi.AgiChannelFactory;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.MappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;
import org.hotline.ivr.server.IvrServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asterisk-Java's {@link DefaultAgiServer} with its accept loop kept and its threading replaced. The stock pool
 * (core 10, max 500, SynchronousQueue) closes call 501 without a word; here every accepted connection gets a
 * virtual thread that reads its agi_ block within the header timeout (a connection still incomplete then is
 * closed, and never took a place among the calls). Only then is it admitted or not: admitted calls go on on that
 * virtual thread (JDK 24+) or the bounded platform pool, calls beyond capacity on a thread that plays the busy
 * prompt.
 */
final class HotlineAgiServer extends DefaultAgiServer {

    // Asterisk-Java's base class logs under this class's name ("Listening on *", bind failures with their stack
    // trace); our own lines go under the runtime's name, which reports start and failure once, with the address.
    private static final Logger LOG = LoggerFactory.getLogger(AgiServerRuntime.class);
    /** Platform threads (JDK 21-23) that answer callers beyond capacity with the busy prompt. */
    private static final int BUSY_THREADS = 16;
    private static final int BUSY_QUEUE = 4_096;

    private final IvrServerConfig config;
    private final Admission admission;
    private final CompletableFuture<Integer> bound = new CompletableFuture<>();
    private final ThreadFactory virtualThreads = Thread.ofVirtual().name("agi-call-", 1).factory();
    private final ThreadPoolExecutor busyPool;
    private volatile ListeningSocket listening;
    private final ReadWatchdog watchdog;
    private boolean watching;

    HotlineAgiServer(IvrServerConfig config, MappingStrategy mapping, AgiChannelFactory channels, Admission admission) {
        super(channels);
        this.config = config;
        this.admission = admission;
        this.watchdog = new ReadWatchdog(admission::forEachOpen);
        setMappingStrategy(mapping);
        // Only for Asterisk-Java's own log lines; the socket is made in createServerSocket().
        setPort(config.port());
        setPoolSize(config.poolSize());
        setMaximumPoolSize(config.poolSize());
        this.busyPool = config.threads().virtual() ? null : new ThreadPoolExecutor(BUSY_THREADS, BUSY_THREADS, 30,
                TimeUnit.SECONDS, new ArrayBlockingQueue<>(BUSY_QUEUE), Thread.ofPlatform().name("agi-busy-", 1)
                .daemon(true).factory());
    }

    /** Completes with the bound port once listening, or with the bind failure. */
    CompletableFuture<Integer> bound() {
        return bound;
    }

    @Override
    protected ServerSocketFacade createServerSocket() throws IOException {
        try {
            listening = new ListeningSocket(InetAddress.getByName(config.bindAddress()), config.port(),
                    config.backlog(), (int) config.socketReadTimeout().toMillis());
            bound.complete(listening.port());
            startWatchdog();
            return listening;
        } catch (IOException | RuntimeException e) {
            bound.completeExceptionally(e);
            throw e;
        }
    }

    private synchronized void startWatchdog() {
        if (!watching && !isDie()) {
            watching = true;
            watchdog.start(config.socketReadTimeout());
        }
    }

    /** The platform pool for JDK 21-23: as many threads as admitted calls, so no admitted call ever waits. */
    @Override
    protected ThreadPoolExecutor createPool() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(config.poolSize(), config.poolSize(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), Thread.ofPlatform().name("agi-call-", 1).daemon(true).factory());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @Override
    protected void execute(Runnable handler) {
        CallSocket socket = listening.takeAccepted();
        if (isDie()) {
            // Accepted while stopping: the stock pool would drop it without closing it.
            closeQuietly(socket);
            return;
        }
        admission.open(socket);
        try {
            // A virtual thread even on JDK 21-23: reading the block pins nothing (no synchronized Asterisk-Java code).
            virtualThreads.newThread(() -> admitWhenComplete(socket, handler)).start();
        } catch (RuntimeException e) {
            LOG.error("no thread for a new connection from {}; closing it", socket.getRemoteAddress());
            admission.close(socket, false);
            closeQuietly(socket);
        }
    }

    /** On the connection's own thread: waits for its agi_ block, then admits it (or not) and serves it. */
    private void admitWhenComplete(CallSocket socket, Runnable handler) {
        if (!socket.readHeader(config.headerTimeout(), config.socketReadTimeout())) {
            LOG.info("closing a connection from {} that sent no complete agi_ block within {} ({} lines)",
                    socket.getRemoteAddress(), config.headerTimeout(), socket.headerLines());
            admission.close(socket, false);
            closeQuietly(socket);
            return;
        }
        boolean admitted = socket.headerProblem() == null && admission.admit();
        CallContext context = new CallContext(socket, admitted);
        Runnable call = () -> {
            try {
                context.run(handler);
            } finally {
                admission.close(socket, admitted);
            }
        };
        try {
            if (config.threads().virtual()) {
                call.run();
            } else if (admitted) {
                super.execute(call);
            } else {
                busyPool.execute(call);
            }
        } catch (RejectedExecutionException e) {
            // Last resort when even the busy answer cannot get a thread: the connection is closed and logged.
            LOG.error("no thread left even for the busy prompt; closing a call from {}", socket.getRemoteAddress());
            admission.close(socket, admitted);
            closeQuietly(socket);
        }
    }

    @Override
    public synchronized void shutdown() {
        super.shutdown();
        watchdog.close();
        if (busyPool != null) {
            busyPool.shutdown();
        }
    }

    private static void closeQuietly(CallSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing a refused connection failed", e);
        }
    }
}
