package org.hotline.bench.danger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Asterisk manager interface as far as the duty-officer ring needs it, on a loopback TCP port: the banner,
 * MD5 challenge login, {@code Ping}, {@code CoreSettings}, an empty {@code QueueStatus}, and {@code Originate},
 * whose arrival is timed by the call's {@code HOTLINE_REFERENCE} variable. Every Originate is answered as
 * Asterisk does for an async one ({@code Success}, then an {@code OriginateResponse} event), and the officer
 * accepts at once ({@code UserEvent: HotlineDutyAnswer}, key 1), so each round ends as it would with a person.
 * Anything else gets Asterisk's {@code Invalid/unknown command} error.
 */
public final class DutyPhoneAmi implements AutoCloseable {

    private static final String BANNER = "Asterisk Call Manager/11.0.0";

    private final String username;
    private final String secret;
    private final ServerSocket server;
    private final Map<String, Long> originates = new ConcurrentHashMap<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicLong channels = new AtomicLong();

    private DutyPhoneAmi(String username, String secret) throws IOException {
        this.username = username;
        this.secret = secret;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("bench-ami-accept").start(this::accept);
    }

    /** Listens on a free loopback port for a manager that logs in with this user and secret. */
    public static DutyPhoneAmi start(String username, String secret) {
        try {
            return new DutyPhoneAmi(username, secret);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** When the first {@code Originate} for this tip reference arrived ({@link System#nanoTime()}), or null. */
    public Long originateArrival(String reference) {
        return originates.get(reference);
    }

    public int originates() {
        return originates.size();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        sockets.forEach(DutyPhoneAmi::closeQuietly);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                Thread.ofVirtual().name("bench-ami-session").start(() -> session(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void session(Socket socket) {
        try (socket; BufferedReader in = new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            OutputStream out = socket.getOutputStream();
            write(out, BANNER + "\r\n");
            Session state = new Session(out);
            List<String[]> action = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                int colon = line.indexOf(':');
                if (!line.isEmpty() && colon > 0) {
                    action.add(new String[] {line.substring(0, colon).trim(), line.substring(colon + 1).trim()});
                } else if (line.isEmpty() && !action.isEmpty()) {
                    long arrived = System.nanoTime();
                    if (!answer(state, action, arrived)) {
                        return;
                    }
                    action = new ArrayList<>();
                }
            }
        } catch (IOException e) {
            // the manager went away
        } finally {
            sockets.remove(socket);
        }
    }

    /** One connection's login state. */
    private static final class Session {
        final OutputStream out;
        String challenge;
        boolean loggedIn;

        Session(OutputStream out) {
            this.out = out;
        }
    }

    /** Answers one action block; false ends the session (logoff, failed login). */
    private boolean answer(Session s, List<String[]> action, long arrived) throws IOException {
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        action.forEach(kv -> h.merge(kv[0], kv[1], (a, b) -> a));
        String name = h.getOrDefault("Action", "");
        String id = h.getOrDefault("ActionID", "");
        switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "challenge" -> {
                s.challenge = Long.toString(System.nanoTime() % 1_000_000_000L);
                respond(s.out, id, "Success", "Challenge: " + s.challenge);
            }
            case "login" -> {
                s.loggedIn = s.challenge != null && username.equals(h.get("Username"))
                        && md5(s.challenge + secret).equalsIgnoreCase(h.getOrDefault("Key", ""));
                respond(s.out, id, s.loggedIn ? "Success" : "Error",
                        s.loggedIn ? "Message: Authentication accepted" : "Message: Authentication failed");
                return s.loggedIn;
            }
            case "logoff" -> {
                respond(s.out, id, "Goodbye", "Message: Thanks for all the fish.");
                return false;
            }
            default -> {
                if (!s.loggedIn) {
                    respond(s.out, id, "Error", "Message: Permission denied");
                } else {
                    loggedInAction(s.out, name, id, action, arrived);
                }
            }
        }
        return true;
    }

    private void loggedInAction(OutputStream out, String name, String id, List<String[]> action, long arrived)
            throws IOException {
        switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "ping" -> respond(out, id, "Success",
                    "Ping: Pong\r\nTimestamp: " + System.currentTimeMillis() / 1000.0);
            case "coresettings" -> respond(out, id, "Success", "AMIversion: 11.0.0\r\nAsteriskVersion: 22.0.0\r\n"
                    + "SystemName: bench\r\nCoreMaxCalls: 0\r\nCoreMaxLoadAvg: 0.000000\r\nCoreRunUser: asterisk\r\n"
                    + "CoreRunGroup: asterisk\r\nCoreMaxFilehandles: 0\r\nCoreRealTimeEnabled: No\r\n"
                    + "CoreCDRenabled: No\r\nCoreHTTPenabled: No");
            case "queuestatus" -> {
                respond(out, id, "Success", "EventList: start\r\nMessage: Queue status will follow");
                write(out, "Event: QueueStatusComplete\r\nActionID: " + id + "\r\nEventList: Complete\r\n"
                        + "ListItems: 0\r\n\r\n");
            }
            case "originate" -> originate(out, id, action, arrived);
            default -> respond(out, id, "Error", "Message: Invalid/unknown command");
        }
    }

    /** Times the ring, then answers it as an async Originate the officer picks up and accepts with key 1. */
    private void originate(OutputStream out, String id, List<String[]> action, long arrived) throws IOException {
        Map<String, String> variables = new TreeMap<>();
        String channel = "";
        for (String[] kv : action) {
            if (kv[0].equalsIgnoreCase("Variable")) {
                for (String assignment : kv[1].split(",")) {
                    int eq = assignment.indexOf('=');
                    if (eq > 0) {
                        variables.put(assignment.substring(0, eq).trim(), assignment.substring(eq + 1).trim());
                    }
                }
            } else if (kv[0].equalsIgnoreCase("Channel")) {
                channel = kv[1];
            }
        }
        String reference = variables.getOrDefault("HOTLINE_REFERENCE", "");
        originates.putIfAbsent(reference, arrived);
        respond(out, id, "Success", "Message: Originate successfully queued");
        String uniqueId = "1800000000." + channels.incrementAndGet();
        write(out, "Event: OriginateResponse\r\nPrivilege: call,all\r\nActionID: " + id + "\r\nResponse: Success\r\n"
                + "Channel: " + channel + "\r\nReason: 4\r\nUniqueid: " + uniqueId + "\r\n\r\n");
        write(out, "Event: UserEvent\r\nPrivilege: user,all\r\nChannel: " + channel + "-00000001\r\nUniqueid: "
                + uniqueId + "\r\nUserEvent: HotlineDutyAnswer\r\nDutyCall: "
                + variables.getOrDefault("HOTLINE_DUTY_CALL", "") + "\r\nKey: 1\r\n\r\n");
    }

    private static void respond(OutputStream out, String id, String response, String body) throws IOException {
        write(out, "Response: " + response + "\r\n" + (id.isEmpty() ? "" : "ActionID: " + id + "\r\n") + body
                + "\r\n\r\n");
    }

    private static void write(OutputStream out, String block) throws IOException {
        synchronized (out) {
            out.write(block.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    static String md5(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has MD5", e);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
