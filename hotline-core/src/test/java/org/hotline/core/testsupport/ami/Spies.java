package org.hotline.core.testsupport.ami;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * ChanSpy as the shipped {@code [hotline-spy]} context runs it (options {@code qE} plus {@code w} or {@code B}):
 * a spying channel starts on the first live channel whose name starts with {@code HOTLINE_SPY_TARGET}
 * ({@code ChanSpyStart}); it stops ({@code ChanSpyStop}) when the spyer hangs up, or when the spyee hangs up, and
 * then, with {@code E}, the spyer's channel is hung up too.
 */
final class Spies {

    private record Spy(String spyer, String spyerId, String spyee, String spyeeId) {}

    private final Map<String, Spy> bySpyer = new ConcurrentHashMap<>();
    private final Consumer<String> emit;

    Spies(Consumer<String> emit) {
        this.emit = emit;
    }

    void start(String spyer, String spyerId, Optional<Conferences.Channel> spyee) {
        spyee.ifPresent(target -> {
            Spy spy = new Spy(spyer, spyerId, target.name(), target.uniqueId());
            bySpyer.put(spyer, spy);
            emit.accept(event("ChanSpyStart", spy));
        });
    }

    /** A channel hung up; returns the spyers to hang up because the call they listened to ended. */
    java.util.List<String> hungUp(String channel) {
        Spy own = bySpyer.remove(channel);
        if (own != null) {
            emit.accept(event("ChanSpyStop", own));
        }
        java.util.List<String> ended = bySpyer.values().stream().filter(s -> s.spyee().equals(channel)).map(Spy::spyer)
                .toList();
        ended.forEach(spyer -> emit.accept(event("ChanSpyStop", bySpyer.remove(spyer))));
        return ended;
    }

    private static String event(String name, Spy spy) {
        return "Event: " + name + "\r\nPrivilege: call,all\r\n" + side("Spyer", spy.spyer(), spy.spyerId(), "hotline-spy")
                + side("Spyee", spy.spyee(), spy.spyeeId(), "hotline-bridge-operator") + "\r\n";
    }

    private static String side(String prefix, String channel, String uniqueId, String context) {
        return prefix + "Channel: " + channel + "\r\n" + prefix + "ChannelState: 6\r\n" + prefix
                + "ChannelStateDesc: Up\r\n" + prefix + "CallerIDNum: <unknown>\r\n" + prefix
                + "CallerIDName: <unknown>\r\n" + prefix + "ConnectedLineNum: <unknown>\r\n" + prefix
                + "ConnectedLineName: <unknown>\r\n" + prefix + "Language: en\r\n" + prefix + "AccountCode: \r\n"
                + prefix + "Context: " + context + "\r\n" + prefix + "Exten: s\r\n" + prefix + "Priority: 1\r\n"
                + prefix + "Uniqueid: " + uniqueId + "\r\n" + prefix + "Linkedid: " + uniqueId + "\r\n";
    }
}
