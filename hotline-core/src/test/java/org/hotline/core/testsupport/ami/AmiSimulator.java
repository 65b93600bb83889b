package org.hotline.core.testsupport.ami;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A simulated Asterisk manager interface (AMI) on a real TCP port: the {@code Asterisk Call Manager/11.0.0}
 * banner, {@code Action:} blocks in, {@code Response:} and {@code Event:} blocks out (each ended by a blank
 * line, {@code ActionID} echoed), MD5 challenge login, {@code CoreSettings}, {@code Ping}, {@code QueuePause},
 * {@code Originate} (answered later by an {@code OriginateResponse} event), {@code Redirect} (single and dual),
 * {@code ConfbridgeKick} and {@code Logoff}. Live channels and ConfBridge conferences follow the shipped
 * dialplan (see {@link Conferences}): tests declare the channels of a call with {@link #channelUp} and end
 * them with {@link #hangup}.
 *
 * <p>A test drives the PBX side: {@link #emit} queue and agent events to every logged-in session (see
 * {@link QueueEvents} for the IVR's channel variables), {@link #dropConnections()} to cut every socket, or
 * {@link #goSilent()} to keep the sockets open while answering nothing (a half-open connection).
 */
public final class AmiSimulator implements AutoCloseable {

    public static final String BANNER = "Asterisk Call Manager/11.0.0";

    private final String username;
    private final String secret;
    private final ServerSocket server;
    private final Thread acceptor;
    private final List<AmiSession> sessions = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> actions = new CopyOnWriteArrayList<>();
    private final Map<String, Boolean> members = new ConcurrentHashMap<>();
    private final Map<String, String> entries = new ConcurrentHashMap<>();
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicInteger failedLogins = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final Conferences conferences = new Conferences(this::emitRaw);
    private volatile boolean silent;
    private final java.util.Set<String> silentOn = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile Function<Map<String, String>, OriginateOutcome> originate = action -> OriginateOutcome.answered();

    private AmiSimulator(String username, String secret) throws IOException {
        this.username = username;
        this.secret = secret;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofPlatform().name("ami-sim-accept").daemon(true).start(this::acceptLoop);
    }

    /** Starts a simulator on an ephemeral loopback port that accepts exactly this username and secret. */
    public static AmiSimulator start(String username, String secret) {
        try {
            return new AmiSimulator(username, secret);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Makes an interface a queue member so that {@code QueuePause} for it succeeds (unknown ones get an error). */
    public AmiSimulator member(String iface) {
        members.putIfAbsent(iface, false);
        return this;
    }

    /**
     * Lists a caller as waiting in {@code QueueStatus} answers (Asterisk keeps app_queue state across manager
     * reconnects, so a client that logs in again asks for it), until {@link #removeQueueEntry}.
     */
    public AmiSimulator queueEntry(String queue, QueueEvents.Caller caller, long waitSeconds) {
        entries.put(caller.uniqueId(), "Queue: " + queue + "\r\nPosition: 1\r\nChannel: " + caller.channel()
                + "\r\nUniqueid: " + caller.uniqueId() + "\r\nCallerIDNum: " + caller.callerNumber()
                + "\r\nCallerIDName: <unknown>\r\nConnectedLineNum: <unknown>\r\nConnectedLineName: <unknown>"
                + "\r\nWait: " + waitSeconds + "\r\nPriority: 0\r\n");
        return this;
    }

    /** Changes a member's pause state without an event, as if it happened while no manager was listening. */
    public AmiSimulator pauseMember(String iface, boolean paused) {
        members.put(iface, paused);
        return this;
    }

    public AmiSimulator removeQueueEntry(String uniqueId) {
        entries.remove(uniqueId);
        return this;
    }

    /** Decides how the next {@code Originate} actions end; the default answers every call. */
    public AmiSimulator onOriginate(Function<Map<String, String>, OriginateOutcome> outcome) {
        this.originate = outcome;
        return this;
    }

    /** A channel that is up in the PBX (a caller's or an operator's leg), so that it can be redirected. */
    public AmiSimulator channelUp(String channel, String uniqueId) {
        conferences.up(channel, uniqueId);
        return this;
    }

    /** The party on {@code channel} hangs up: it leaves its conference ({@code ConfbridgeLeave}), then {@code Hangup}. */
    public void hangup(String channel) {
        conferences.hangup(channel);
    }

    /** The channels in a ConfBridge conference right now, in joining order. */
    public List<String> conferenceMembers(String conference) {
        return conferences.members(conference);
    }

    /** Sends an event block to every logged-in session; header order is kept. */
    public void emit(String event, Map<String, String> headers) {
        StringBuilder block = new StringBuilder("Event: ").append(event).append("\r\n");
        headers.forEach((name, value) -> block.append(name).append(": ").append(value).append("\r\n"));
        emitRaw(block.append("\r\n").toString());
    }

    /** Sends a ready-made block (for headers that repeat, like {@code ChanVariable}) to every logged-in session. */
    public void emitRaw(String block) {
        if (silent) {
            return;
        }
        sessions.forEach(session -> session.sendEvent(block));
    }

    /** Closes every client socket at once, like an Asterisk restart. */
    public void dropConnections() {
        sessions.forEach(AmiSession::close);
        sessions.clear();
    }

    /** Keeps every socket open but stops answering actions and sending events: a half-open connection. */
    public void goSilent() {
        silent = true;
    }

    /** Answers again (new sessions and sessions opened before {@link #goSilent()}). */
    public void speak() {
        silent = false;
        silentOn.clear();
    }

    /** Leaves actions named {@code action} (e.g. {@code Login}) unanswered until {@link #speak()}; others are answered. */
    public void goSilentOn(String action) {
        silentOn.add(action.toLowerCase(java.util.Locale.ROOT));
    }

    boolean silent() {
        return silent;
    }

    boolean silentOn(Map<String, String> action) {
        return silent || silentOn.contains(action.getOrDefault("Action", "").toLowerCase(java.util.Locale.ROOT));
    }

    /** Every action received so far, oldest first; header names are case-insensitive, as in Asterisk. */
    public List<Map<String, String>> actions() {
        return List.copyOf(actions);
    }

    /** Actions received with this {@code Action:} name, oldest first. */
    public List<Map<String, String>> actions(String name) {
        List<Map<String, String>> matching = new ArrayList<>();
        actions.forEach(action -> {
            if (name.equalsIgnoreCase(action.getOrDefault("Action", ""))) {
                matching.add(action);
            }
        });
        return matching;
    }

    public int successfulLogins() {
        return logins.get();
    }

    public int failedLogins() {
        return failedLogins.get();
    }

    public int connectionsAccepted() {
        return connections.get();
    }

    /** Sessions logged in right now. */
    public int loggedInSessions() {
        return (int) sessions.stream().filter(AmiSession::loggedIn).count();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        dropConnections();
        acceptor.interrupt();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                AmiSession session = new AmiSession(this, socket);
                sessions.add(session);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    void recordAction(Map<String, String> action) {
        Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(action);
        actions.add(Collections.unmodifiableMap(copy));
    }

    boolean authenticate(String user, String key, String challenge) {
        boolean ok = username.equals(user) && Md5.hex(challenge + secret).equalsIgnoreCase(key);
        (ok ? logins : failedLogins).incrementAndGet();
        return ok;
    }

    boolean isMember(String iface) {
        return members.containsKey(iface);
    }

    void paused(String iface, boolean paused) {
        members.replace(iface, paused);
    }

    Map<String, Boolean> members() {
        return Map.copyOf(members);
    }

    List<String> entries() {
        return List.copyOf(entries.values());
    }

    OriginateOutcome originateOutcome(Map<String, String> action) {
        return originate.apply(action);
    }

    Conferences conferences() {
        return conferences;
    }

    void forget(AmiSession session) {
        sessions.remove(session);
    }
}
