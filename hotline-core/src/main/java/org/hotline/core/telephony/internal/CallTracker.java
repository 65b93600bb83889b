package org.hotline.core.telephony.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.hotline.core.ami.AmiEvent;
import org.hotline.core.ami.AmiListener;
import org.hotline.core.telephony.ConnectedCall;

/**
 * Which call each operator is on and who is in which ConfBridge conference, from AMI events. A call stays
 * known after Asterisk reports it complete while it is moved into a conference (a redirect ends the queue's
 * bridge) until its caller hangs up, so that the operator can still act on it there.
 */
public final class CallTracker implements AmiListener {

    private final Map<String, ConnectedCall> byAgent = new ConcurrentHashMap<>();
    /** conference → (unique id → channel name). */
    private final Map<String, Map<String, String>> conferences = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Consumer<AmiEvent.BridgeLeft>> leaveWatchers = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(AmiEvent event) {
        switch (event) {
            case AmiEvent.AgentConnected a when !a.callerChannel().isEmpty() && !a.agentChannel().isEmpty() ->
                    byAgent.put(a.agent(), new ConnectedCall(a.callId(), a.agent(), a.callerChannel(), a.agentChannel(),
                            a.variables().getOrDefault("HOTLINE_REFERENCE", ""),
                            a.variables().getOrDefault("HOTLINE_INTERPRETER", ""), a.at()));
            case AmiEvent.AgentCompleted c when !"transfer".equalsIgnoreCase(c.reason()) && !inConference(c.callId()) ->
                    byAgent.computeIfPresent(c.agent(), (agent, call) -> call.callId().equals(c.callId()) ? null : call);
            case AmiEvent.HungUp h -> byAgent.values().removeIf(call -> call.callId().equals(h.callId()));
            case AmiEvent.BridgeJoined j ->
                    conferences.computeIfAbsent(j.conference(), c -> new ConcurrentHashMap<>()).put(j.uniqueId(), j.channel());
            case AmiEvent.BridgeLeft l -> {
                Map<String, String> members = conferences.get(l.conference());
                if (members != null) {
                    members.remove(l.uniqueId());
                    if (members.isEmpty()) {
                        conferences.remove(l.conference(), members);
                    }
                }
                leaveWatchers.forEach(w -> w.accept(l));
            }
            case AmiEvent.Disconnected d -> conferences.clear();
            default -> { }
        }
    }

    /** The call this operator's phone is on, if any. */
    public Optional<ConnectedCall> callOf(String agent) {
        return Optional.ofNullable(byAgent.get(agent));
    }

    /** The channel name of a conference member by its unique id, when it has joined. */
    public Optional<String> member(String conference, String uniqueId) {
        return Optional.ofNullable(conferences.getOrDefault(conference, Map.of()).get(uniqueId));
    }

    /** Whether a conference has this channel name among its members. */
    public boolean inConference(String conference, String channel) {
        return conferences.getOrDefault(conference, Map.of()).containsValue(channel);
    }

    /** Runs {@code watcher} on the AMI listener thread for every {@code ConfbridgeLeave}. */
    public void onLeave(Consumer<AmiEvent.BridgeLeft> watcher) {
        leaveWatchers.add(watcher);
    }

    private boolean inConference(String callId) {
        return conferences.values().stream().anyMatch(members -> members.containsKey(callId));
    }
}
