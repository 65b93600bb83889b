package org.hotline.core.testsupport.ami;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The live channels and ConfBridge conferences of the {@link AmiSimulator}, run as the shipped dialplan
 * ({@code ops/asterisk/extensions.conf}) and {@code confbridge.conf} would: a channel sent to
 * {@code hotline-bridge-caller}, {@code hotline-bridge-operator} or {@code hotline-bridge-interpreter} with the
 * conference name as extension joins that conference; the operator's profile is {@code marked}, the others have
 * {@code end_marked}, so when the operator leaves, everyone else is taken out of the conference too (the caller
 * goes back to the queue in the dialplan, the interpreter is hung up). Events are written as Asterisk 22 does.
 */
final class Conferences {

    /** A channel up in the simulated PBX. */
    record Channel(String name, String uniqueId) {}

    private record Member(Channel channel, String context, boolean marked, boolean endMarked) {}

    /** A dialplan context that runs ConfBridge: conference name suffix and the user profile's marked/end_marked. */
    private record Profile(String suffix, boolean marked, boolean endMarked) {}

    /** The contexts of ops/asterisk/extensions.conf that join a conference, with their confbridge.conf profiles. */
    private static final Map<String, Profile> CONTEXTS = Map.of(
            "hotline-bridge-caller", new Profile("", false, true),
            "hotline-bridge-operator", new Profile("", true, false),
            "hotline-bridge-interpreter", new Profile("", false, true),
            "hotline-transfer-hold", new Profile("", false, true),
            "hotline-transfer-consult", new Profile("-consult", true, false),
            "hotline-transfer-agency-consult", new Profile("-consult", true, false),
            "hotline-transfer-agency", new Profile("", true, false));

    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final Map<String, Map<String, Member>> conferences = new LinkedHashMap<>();
    private final Map<String, String> bridgeIds = new LinkedHashMap<>();
    private final Consumer<String> emit;
    private final Spies spies;

    Conferences(Consumer<String> emit) {
        this.emit = emit;
        this.spies = new Spies(emit);
    }

    /** A spying channel answered in {@code [hotline-spy]}: ChanSpy on the first channel named {@code prefix...}. */
    synchronized void spy(String spyer, String spyerId, String prefix) {
        spies.start(spyer, spyerId, channels.values().stream().filter(c -> !c.name().equals(spyer))
                .filter(c -> c.name().startsWith(prefix)).findFirst());
    }

    synchronized void up(String name, String uniqueId) {
        channels.put(name, new Channel(name, uniqueId));
    }

    synchronized boolean exists(String name) {
        return channels.containsKey(name);
    }

    /** Runs a channel's new dialplan location: joins a conference when it is one of the bridge contexts. */
    synchronized void enter(String name, String context, String exten) {
        Channel channel = channels.get(name);
        if (channel == null) {
            return;
        }
        leaveAny(name);
        Profile profile = CONTEXTS.get(context);
        if (profile != null) {
            join(exten + profile.suffix(), new Member(channel, context, profile.marked(), profile.endMarked()));
        }
    }

    synchronized boolean conferenceExists(String conference) {
        return conferences.containsKey(conference);
    }

    /** Kicks a member: false when the channel is not in that conference. */
    synchronized boolean kick(String conference, String name) {
        Map<String, Member> members = conferences.get(conference);
        if (members == null || !members.containsKey(name)) {
            return false;
        }
        leave(conference, name);
        return true;
    }

    /** The caller or another party hangs up: leaves its conference, then a {@code Hangup} event. */
    synchronized void hangup(String name) {
        Channel channel = channels.remove(name);
        if (channel == null) {
            return;
        }
        leaveAny(name);
        List<String> spyersEnded = spies.hungUp(name);
        emit.accept("Event: Hangup\r\nPrivilege: call,all\r\nChannel: " + name + "\r\nChannelState: 6\r\n"
                + "ChannelStateDesc: Up\r\nUniqueid: " + channel.uniqueId() + "\r\nLinkedid: " + channel.uniqueId()
                + "\r\nCause: 16\r\nCause-txt: Normal Clearing\r\n\r\n");
        // ChanSpy's E option: the spyer's call ends with the call it listened to
        spyersEnded.forEach(this::hangup);
    }

    synchronized List<String> members(String conference) {
        return List.copyOf(conferences.getOrDefault(conference, Map.of()).keySet());
    }

    synchronized Optional<String> conferenceOf(String name) {
        return conferences.entrySet().stream().filter(e -> e.getValue().containsKey(name)).map(Map.Entry::getKey)
                .findFirst();
    }

    private void leaveAny(String name) {
        conferenceOf(name).ifPresent(conference -> leave(conference, name));
    }

    private void join(String conference, Member member) {
        Map<String, Member> members = conferences.computeIfAbsent(conference, c -> new LinkedHashMap<>());
        String bridge = bridgeIds.computeIfAbsent(conference, c -> UUID.randomUUID().toString());
        if (members.isEmpty()) {
            emit.accept("Event: ConfbridgeStart\r\nPrivilege: call,all\r\nConference: " + conference
                    + "\r\nBridgeUniqueid: " + bridge + "\r\nBridgeType: base\r\nBridgeTechnology: softmix\r\n"
                    + "BridgeCreator: ConfBridge\r\nBridgeName: " + conference + "\r\nBridgeNumChannels: 0\r\n"
                    + "BridgeVideoSourceMode: none\r\n\r\n");
        }
        members.put(member.channel().name(), member);
        emit.accept(event("ConfbridgeJoin", conference, bridge, members.size(), member) + "Muted: No\r\n\r\n");
    }

    private void leave(String conference, String name) {
        Map<String, Member> members = conferences.get(conference);
        Member gone = members.remove(name);
        emit.accept(event("ConfbridgeLeave", conference, bridgeIds.get(conference), members.size(), gone) + "\r\n");
        if (gone.marked() && members.values().stream().noneMatch(Member::marked)) {
            // end_marked: the last marked user left, so the users with end_marked leave too
            members.values().stream().filter(Member::endMarked).map(m -> m.channel().name()).toList()
                    .forEach(other -> leave(conference, other));
        }
        if (members.isEmpty()) {
            conferences.remove(conference);
            emit.accept("Event: ConfbridgeEnd\r\nPrivilege: call,all\r\nConference: " + conference
                    + "\r\nBridgeUniqueid: " + bridgeIds.remove(conference) + "\r\nBridgeType: base\r\n"
                    + "BridgeTechnology: softmix\r\nBridgeCreator: ConfBridge\r\nBridgeName: " + conference
                    + "\r\nBridgeNumChannels: 0\r\nBridgeVideoSourceMode: none\r\n\r\n");
        }
    }

    private static String event(String name, String conference, String bridge, int count, Member member) {
        Channel channel = member.channel();
        return "Event: " + name + "\r\nPrivilege: call,all\r\nConference: " + conference + "\r\nBridgeUniqueid: "
                + bridge + "\r\nBridgeType: base\r\nBridgeTechnology: softmix\r\nBridgeCreator: ConfBridge\r\n"
                + "BridgeName: " + conference + "\r\nBridgeNumChannels: " + count + "\r\nBridgeVideoSourceMode: none\r\n"
                + "Channel: " + channel.name() + "\r\nChannelState: 6\r\nChannelStateDesc: Up\r\nCallerIDNum: <unknown>\r\n"
                + "CallerIDName: <unknown>\r\nConnectedLineNum: <unknown>\r\nConnectedLineName: <unknown>\r\n"
                + "Language: en\r\nAccountCode: \r\nContext: " + member.context() + "\r\nExten: " + conference
                + "\r\nPriority: 1\r\nUniqueid: " + channel.uniqueId() + "\r\nLinkedid: " + channel.uniqueId()
                + "\r\nAdmin: No\r\n";
    }
}
