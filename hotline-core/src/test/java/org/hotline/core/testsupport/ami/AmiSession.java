package org.hotline.core.testsupport.ami;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** One manager connection of the {@link AmiSimulator}: reads action blocks and answers them like Asterisk 11+. */
final class AmiSession {

    private static final AtomicLong CHANNELS = new AtomicLong(1000);

    private final AmiSimulator sim;
    private final Socket socket;
    private final OutputStream out;
    private volatile boolean loggedIn;
    private volatile boolean eventsOn;
    private String challenge;

    AmiSession(AmiSimulator sim, Socket socket) throws IOException {
        this.sim = sim;
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    void start() {
        Thread.ofPlatform().name("ami-sim-session").daemon(true).start(this::run);
    }

    boolean loggedIn() {
        return loggedIn;
    }

    void sendEvent(String block) {
        if (loggedIn && eventsOn) {
            write(block);
        }
    }

    void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private void run() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            write(AmiSimulator.BANNER + "\r\n");
            Map<String, String> action = headers();
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isEmpty()) {
                    addHeader(action, line);
                    continue;
                }
                if (!action.isEmpty()) {
                    Map<String, String> complete = action;
                    action = headers();
                    if (!sim.silentOn(complete)) {
                        sim.recordAction(complete);
                        if (!answer(complete)) {
                            return;
                        }
                    }
                }
            }
        } catch (IOException e) {
            // the peer went away; nothing to answer
        } finally {
            close();
            sim.forget(this);
        }
    }

    /** AMI header names are case-insensitive (Asterisk-Java sends them in lower case). */
    private static Map<String, String> headers() {
        return new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    }

    private static void addHeader(Map<String, String> action, String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            return;
        }
        String name = line.substring(0, colon).trim();
        String value = line.substring(colon + 1).trim();
        action.merge(name, value, (first, second) -> first + "," + second);
    }

    /** Answers one action; false when the session ends (logoff, failed login). */
    private boolean answer(Map<String, String> action) {
        String name = header(action, "Action");
        String id = header(action, "ActionID");
        if ("Challenge".equalsIgnoreCase(name)) {
            challenge = String.valueOf(ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999));
            respond(id, "Success", "Challenge: " + challenge);
            return true;
        }
        if ("Login".equalsIgnoreCase(name)) {
            return login(action, id);
        }
        if (!loggedIn) {
            respond(id, "Error", "Message: Permission denied");
            return true;
        }
        switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "ping" -> respond(id, "Success", "Ping: Pong\r\nTimestamp: " + System.currentTimeMillis() / 1000.0);
            case "coresettings" -> respond(id, "Success", "AMIversion: 11.0.0\r\nAsteriskVersion: 22.10.1\r\n"
                    + "SystemName: sim\r\nCoreMaxCalls: 0\r\nCoreMaxLoadAvg: 0.000000\r\nCoreRunUser: asterisk\r\n"
                    + "CoreRunGroup: asterisk\r\nCoreMaxFilehandles: 0\r\nCoreRealTimeEnabled: No\r\n"
                    + "CoreCDRenabled: Yes\r\nCoreHTTPenabled: No");
            case "queuepause" -> queuePause(action, id);
            case "queuestatus" -> queueStatus(id);
            case "originate" -> originate(action, id);
            case "redirect", "confbridgekick", "hangup" -> {
                ChannelActions.Answer answer = ChannelActions.answer(sim.conferences(), name, action);
                respond(id, answer.response(), "Message: " + answer.message());
                answer.then().run();
            }
            case "logoff" -> {
                respond(id, "Goodbye", "Message: Thanks for all the fish.");
                return false;
            }
            default -> respond(id, "Error", "Message: Invalid/unknown command");
        }
        return true;
    }

    private boolean login(Map<String, String> action, String id) {
        String key = header(action, "Key");
        if (challenge != null && sim.authenticate(header(action, "Username"), key, challenge)) {
            loggedIn = true;
            eventsOn = !"off".equalsIgnoreCase(header(action, "Events"));
            respond(id, "Success", "Message: Authentication accepted");
            sendEvent("Event: FullyBooted\r\nPrivilege: system,all\r\nStatus: Fully Booted\r\n\r\n");
            return true;
        }
        if (challenge == null) {
            sim.authenticate("", "", "");
        }
        respond(id, "Error", "Message: Authentication failed");
        return false;
    }

    private void queuePause(Map<String, String> action, String id) {
        String iface = header(action, "Interface");
        String paused = header(action, "Paused");
        if (iface.isEmpty() || paused.isEmpty()) {
            respond(id, "Error", "Message: Need 'Interface' and 'Paused' parameters.");
        } else if (!sim.isMember(iface)) {
            respond(id, "Error", "Message: Interface not found");
        } else {
            boolean pause = "true".equalsIgnoreCase(paused) || "yes".equalsIgnoreCase(paused) || "1".equals(paused);
            sim.paused(iface, pause);
            respond(id, "Success", "Message: Interface " + (pause ? "paused" : "unpaused") + " successfully");
            sim.emitRaw("Event: QueueMemberPause\r\nPrivilege: agent,all\r\nQueue: hotline\r\nInterface: " + iface
                    + "\r\nMemberName: " + iface + "\r\nPaused: " + (pause ? "1" : "0") + "\r\nPausedReason: "
                    + header(action, "Reason") + "\r\n\r\n");
        }
    }

    /** The list answer: members, then waiting callers, then the completion event, all with the ActionID. */
    private void queueStatus(String id) {
        respond(id, "Success", "EventList: start\r\nMessage: Queue status will follow");
        int items = 0;
        for (Map.Entry<String, Boolean> member : sim.members().entrySet()) {
            sendEvent("Event: QueueMember\r\nQueue: operators\r\nName: " + member.getKey() + "\r\nLocation: "
                    + member.getKey() + "\r\nStateInterface: " + member.getKey() + "\r\nMembership: static\r\n"
                    + "Penalty: 0\r\nCallsTaken: 0\r\nLastCall: 0\r\nLastPause: 0\r\nInCall: 0\r\nStatus: 1\r\n"
                    + "Paused: " + (member.getValue() ? "1" : "0") + "\r\nPausedReason: \r\nActionID: " + id
                    + "\r\n\r\n");
            items++;
        }
        for (String entry : sim.entries()) {
            sendEvent("Event: QueueEntry\r\n" + entry + "ActionID: " + id + "\r\n\r\n");
            items++;
        }
        sendEvent("Event: QueueStatusComplete\r\nActionID: " + id + "\r\nEventList: Complete\r\nListItems: " + items
                + "\r\n\r\n");
    }

    private void originate(Map<String, String> action, String id) {
        String channel = header(action, "Channel");
        if (channel.isEmpty()) {
            respond(id, "Error", "Message: Channel not specified");
            return;
        }
        OriginateOutcome outcome = sim.originateOutcome(action);
        respond(id, "Success", "Message: Originate successfully queued");
        String uniqueId = "1700000000." + CHANNELS.incrementAndGet();
        sendEvent("Event: OriginateResponse\r\nPrivilege: call,all\r\nActionID: " + id + "\r\nResponse: "
                + (outcome.isAnswered() ? "Success" : "Failure") + "\r\nChannel: " + channel + "\r\nContext: "
                + header(action, "Context") + "\r\nExten: " + header(action, "Exten") + "\r\nReason: "
                + outcome.reason() + "\r\nUniqueid: " + uniqueId + "\r\nCallerIDNum: <unknown>\r\n"
                + "CallerIDName: <unknown>\r\n\r\n");
        if (outcome.isAnswered()) {
            // the answered leg runs the originate's dialplan location (e.g. joins a conference)
            // a Local channel's answered half is named Local/exten@context-<id>;1
            String leg = channel + "-" + String.format("%08x", CHANNELS.get()) + (channel.startsWith("Local/") ? ";1" : "");
            sim.conferences().up(leg, uniqueId);
            sim.conferences().enter(leg, header(action, "Context"), header(action, "Exten"));
            if ("hotline-spy".equals(header(action, "Context"))) {
                sim.conferences().spy(leg, uniqueId, variable(action, "HOTLINE_SPY_TARGET"));
            }
        }
        outcome.keyPressed().filter(key -> outcome.isAnswered()).ifPresent(key -> sendEvent(
                "Event: UserEvent\r\nPrivilege: user,all\r\nChannel: " + channel + "-00000001\r\nUniqueid: " + uniqueId
                        + "\r\nUserEvent: HotlineDutyAnswer\r\nDutyCall: " + variable(action, "HOTLINE_DUTY_CALL")
                        + "\r\nKey: " + key + "\r\n\r\n"));
    }

    private static String variable(Map<String, String> action, String name) {
        for (String assignment : header(action, "Variable").split(",")) {
            int eq = assignment.indexOf('=');
            if (eq > 0 && assignment.substring(0, eq).trim().equals(name)) {
                return assignment.substring(eq + 1).trim();
            }
        }
        return "";
    }

    private static String header(Map<String, String> action, String name) {
        return action.getOrDefault(name, "");
    }

    private void respond(String id, String response, String body) {
        StringBuilder block = new StringBuilder("Response: ").append(response).append("\r\n");
        if (!id.isEmpty()) {
            block.append("ActionID: ").append(id).append("\r\n");
        }
        write(block.append(body).append("\r\n\r\n").toString());
    }

    private void write(String text) {
        synchronized (out) {
            try {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                close();
            }
        }
    }
}
