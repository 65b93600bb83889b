package org.hotline.core.ami.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.DefaultManagerConnection;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.hotline.core.ami.AmiClient;
import org.hotline.core.ami.AmiConfig;
import org.hotline.core.ami.AmiEvent;
import org.hotline.core.ami.AmiException;
import org.hotline.core.ami.AmiListener;
import org.hotline.core.ami.OriginateRequest;
import org.hotline.core.ami.OriginateResult;
import org.hotline.core.metrics.HotlineMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AmiClient} on Asterisk-Java's {@link ManagerConnection}. One "session" is one connection object; when
 * it dies (reader sees EOF, or a ping goes unanswered on a half-open socket) it is logged off and thrown away,
 * and a fresh one is built after a back-off. Asterisk-Java's own fixed-interval reconnect loop stops as soon as
 * the dead connection is logged off, so only this back-off decides when Asterisk is called again.
 *
 * <p>All lifecycle work runs on one supervisor thread; the reader thread only translates events and offers them
 * to the listener pumps. After each login a {@code QueueStatus} reports the callers and members present, since
 * AMI does not replay what happened while the connection was down.
 */
public final class ManagerAmiClient implements AmiClient {

    private static final Logger LOG = LoggerFactory.getLogger(ManagerAmiClient.class);

    private final AmiConfig config;
    private final HotlineMetrics metrics;
    private final Clock clock;
    private final EventTranslator translator;
    private final Backoff backoff;
    private final ScheduledExecutorService supervisor;
    private final List<ListenerPump> pumps = new CopyOnWriteArrayList<>();
    private final Originator originator;
    private final CallControl calls;
    private volatile ManagerConnection connection;
    private volatile boolean connected;
    private volatile boolean closed;
    private volatile String lastError;
    private int session;
    private int failedAttempts;

    private ManagerAmiClient(AmiConfig config, HotlineMetrics metrics, Clock clock) {
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
        this.translator = new EventTranslator(clock);
        this.backoff = new Backoff(config.reconnectMin(), config.reconnectMax(),
                () -> ThreadLocalRandom.current().nextDouble());
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("ami-supervisor").daemon(true).factory());
        // on close, a reconnect waiting for its back-off is dropped, not run
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.supervisor = executor;
        this.originator = new Originator(this::liveConnection);
        this.calls = new CallControl(this::liveConnection, config.pingTimeout());
    }

    public static ManagerAmiClient start(AmiConfig config, HotlineMetrics metrics, Clock clock) {
        ManagerAmiClient client = new ManagerAmiClient(config, metrics, clock);
        metrics.componentUp("ami", false);
        client.supervisor.execute(client::connect);
        long ping = config.pingInterval().toMillis();
        client.supervisor.scheduleWithFixedDelay(client::ping, ping, ping, TimeUnit.MILLISECONDS);
        return client;
    }

    @Override
    public void addListener(String name, AmiListener listener) {
        ListenerPump pump = new ListenerPump(name, listener, config.listenerQueue(), metrics);
        // on the supervisor thread, so that it cannot interleave with a login or a loss being announced
        supervisor.execute(() -> {
            pumps.add(pump);
            if (connected) {
                pump.offer(new AmiEvent.Connected(clock.instant()));
            }
        });
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    @Override
    public void setPaused(String agentInterface, boolean paused, String reason) throws AmiException {
        if (agentInterface == null || !agentInterface.matches("[A-Za-z0-9_/@.:-]{1,80}")) {
            throw new IllegalArgumentException("agent interface must look like PJSIP/op-ana");
        }
        QueuePauseAction action = new QueuePauseAction(agentInterface, paused);
        if (reason != null && !reason.isBlank()) {
            action.setReason(reason.replaceAll("[\\r\\n]", " "));
        }
        ManagerResponse response;
        try {
            response = liveConnection().sendAction(action, config.pingTimeout().toMillis());
        } catch (TimeoutException e) {
            throw new AmiException(AmiException.Kind.TIMEOUT, "Asterisk did not answer QueuePause in time", e);
        } catch (IOException | IllegalStateException e) {
            throw new AmiException(AmiException.Kind.NOT_CONNECTED, "not connected to Asterisk", e);
        }
        if (response instanceof ManagerError) {
            throw new AmiException(AmiException.Kind.REFUSED, "Asterisk refused QueuePause: " + response.getMessage());
        }
    }

    @Override
    public CompletableFuture<OriginateResult> originate(OriginateRequest request) {
        return originator.originate(request);
    }

    @Override
    public void redirect(org.hotline.core.ami.Redirect redirect) throws AmiException {
        calls.redirect(redirect);
    }

    @Override
    public void kick(String conference, String channel) throws AmiException {
        calls.kick(conference, channel);
    }

    @Override
    public void hangup(String channel) throws AmiException {
        calls.hangup(channel);
    }

    /**
     * Stops: a login in progress is let finish (at most its response timeout) and then logged off. Interrupting it
     * instead makes Asterisk-Java take the unanswered login for a success, and that connection, which nobody
     * holds any more, reconnects on its own every few seconds for as long as the JVM lives.
     */
    @Override
    public void close() {
        closed = true;
        supervisor.shutdown();
        try {
            if (!supervisor.awaitTermination(config.pingTimeout().toMillis() * 2 + 1_000, TimeUnit.MILLISECONDS)) {
                supervisor.shutdownNow();
            }
        } catch (InterruptedException e) {
            supervisor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        ManagerConnection current = connection;
        if (current != null) {
            logoffQuietly(current);
        }
        setConnected(false);
        pumps.forEach(ListenerPump::close);
    }

    private ManagerConnection liveConnection() throws AmiException {
        ManagerConnection current = connection;
        if (!connected || current == null || current.getState() != ManagerConnectionState.CONNECTED) {
            throw new AmiException(AmiException.Kind.NOT_CONNECTED, "not connected to Asterisk");
        }
        return current;
    }

    /** Supervisor thread: one login attempt; on failure the next one is scheduled after the back-off. */
    private void connect() {
        if (closed) {
            return;
        }
        int id = ++session;
        DefaultManagerConnection candidate = new DefaultManagerConnection(config.host(), config.port(),
                config.username(), config.secret());
        candidate.setDefaultResponseTimeout(config.pingTimeout().toMillis());
        candidate.setSocketTimeout((int) Math.min(Integer.MAX_VALUE, config.pingTimeout().toMillis()));
        candidate.registerUserEventClass(HotlineDutyAnswerEvent.class);
        candidate.addEventListener(readerListener(id));
        connection = candidate;
        try {
            candidate.login();
            if (closed) { // closed while logging in (an interrupted login can even look like a success)
                logoffQuietly(candidate);
                return;
            }
            failedAttempts = 0;
            lastError = null;
            setConnected(true);
            LOG.info("AMI connected to {}:{} as {}", config.host(), config.port(), config.username());
            fanOut(new AmiEvent.Connected(clock.instant()));
            resync(candidate);
        } catch (AuthenticationFailedException e) {
            retryLater(candidate, "authentication failed for user " + config.username());
        } catch (IOException | TimeoutException | IllegalStateException e) {
            retryLater(candidate, "cannot reach " + config.host() + ":" + config.port() + ": " + e.getMessage());
        }
    }

    /** Asks for the queues' present state; the answer follows {@code Connected} to every listener. */
    private void resync(ManagerConnection current) {
        try {
            current.sendEventGeneratingAction(new QueueStatusAction(), events -> events.getEvents()
                    .forEach(event -> translator.translate(event).ifPresent(this::fanOut)));
        } catch (IOException | IllegalStateException e) {
            LOG.warn("AMI QueueStatus after login failed; the live view fills from new events only: {}", e.toString());
        }
    }

    private ManagerEventListener readerListener(int id) {
        return event -> {
            if (event instanceof DisconnectEvent) {
                if (!closed) {
                    supervisor.execute(() -> lost(id, "connection closed by Asterisk"));
                }
                return;
            }
            translator.translate(event).ifPresent(this::fanOut);
        };
    }

    /** Supervisor thread: a ping that goes unanswered means the socket is half-open. */
    private void ping() {
        ManagerConnection current = connection;
        if (!connected || current == null) {
            return;
        }
        int id = session;
        try {
            current.sendAction(new PingAction(), config.pingTimeout().toMillis());
        } catch (TimeoutException e) {
            lost(id, "no answer to ping within " + config.pingTimeout().toMillis() + " ms (half-open connection?)");
        } catch (IOException | IllegalStateException e) {
            lost(id, "ping failed: " + e.getMessage());
        }
    }

    private void lost(int id, String why) {
        if (closed || id != session || !connected) {
            return;
        }
        LOG.warn("AMI connection lost: {}", why);
        setConnected(false);
        fanOut(new AmiEvent.Disconnected(clock.instant()));
        metrics.amiReconnect();
        retryLater(connection, why);
    }

    private void retryLater(ManagerConnection dead, String why) {
        lastError = why;
        logoffQuietly(dead);
        if (closed) {
            return;
        }
        long wait = backoff.delay(failedAttempts++).toMillis();
        LOG.info("AMI: {}; next attempt in {} ms", why, wait);
        supervisor.schedule(this::connect, wait, TimeUnit.MILLISECONDS);
    }

    private void setConnected(boolean value) {
        connected = value;
        metrics.componentUp("ami", value);
    }

    private void fanOut(AmiEvent event) {
        pumps.forEach(pump -> pump.offer(event));
    }

    private static void logoffQuietly(ManagerConnection dead) {
        if (dead == null) {
            return;
        }
        ManagerConnectionState state = dead.getState();
        if (state == ManagerConnectionState.CONNECTED || state == ManagerConnectionState.RECONNECTING) {
            try {
                dead.logoff();
            } catch (RuntimeException e) {
                LOG.debug("AMI logoff of a dead connection: {}", e.toString());
            }
        }
    }
}
