package org.hotline.core.ami.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.ChanSpyStartEvent;
import org.asteriskjava.manager.event.ChanSpyStopEvent;
import org.asteriskjava.manager.event.ConfbridgeJoinEvent;
import org.asteriskjava.manager.event.ConfbridgeLeaveEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueCallerLeaveEvent;
import org.asteriskjava.manager.event.QueueEntryEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueMemberPausedEvent;
import org.hotline.core.ami.AmiEvent;

/**
 * Turns Asterisk-Java's event objects into {@link AmiEvent}s. Events the hotline does not use map to empty.
 * Runs on the reader thread, so it only copies fields.
 */
final class EventTranslator {

    private final Clock clock;

    EventTranslator(Clock clock) {
        this.clock = clock;
    }

    Optional<AmiEvent> translate(ManagerEvent event) {
        Instant now = clock.instant();
        return Optional.ofNullable(switch (event) {
            case QueueCallerJoinEvent e -> new AmiEvent.CallerJoined(now, e.getQueue(), e.getUniqueId(),
                    orZero(e.getPosition()), variables(e));
            case AgentCalledEvent e -> new AmiEvent.AgentCalled(now, e.getQueue(), e.getUniqueId(), agent(e.getInterface(),
                    e.getAgentCalled()));
            case AgentConnectEvent e -> new AmiEvent.AgentConnected(now, e.getQueue(), e.getUniqueId(),
                    agent(e.getInterface(), e.getMember()), orZero(e.getHoldTime()), variables(e), e.getChannel(),
                    e.getDestChannel());
            case ConfbridgeJoinEvent e -> new AmiEvent.BridgeJoined(now, nonNull(e.getConference()),
                    nonNull(e.getChannel()), nonNull(e.getUniqueId()));
            case ConfbridgeLeaveEvent e -> new AmiEvent.BridgeLeft(now, nonNull(e.getConference()),
                    nonNull(e.getChannel()), nonNull(e.getUniqueId()));
            case ChanSpyStartEvent e -> new AmiEvent.SpyStarted(now, nonNull(e.getSpyerChannel()),
                    nonNull(e.getSpyerUniqueId()), nonNull(e.getSpyeeChannel()));
            case ChanSpyStopEvent e -> new AmiEvent.SpyStopped(now, nonNull(e.getSpyerChannel()),
                    nonNull(e.getSpyerUniqueId()), nonNull(e.getSpyeeChannel()));
            case AgentCompleteEvent e -> new AmiEvent.AgentCompleted(now, e.getQueue(), e.getUniqueId(),
                    agent(e.getInterface(), e.getMember()), orZero(e.getHoldTime()), orZero(e.getTalkTime()),
                    e.getReason() == null ? "" : e.getReason());
            case QueueCallerAbandonEvent e -> new AmiEvent.CallerAbandoned(now, e.getQueue(), e.getUniqueId(),
                    orZero(e.getHoldTime()));
            case QueueCallerLeaveEvent e -> new AmiEvent.CallerLeft(now, e.getQueue(), e.getUniqueId());
            case HangupEvent e -> new AmiEvent.HungUp(now, e.getUniqueId());
            case QueueMemberPausedEvent e -> new AmiEvent.MemberPaused(now, e.getInterface(),
                    Boolean.TRUE.equals(e.getPaused()));
            case QueueEntryEvent e -> new AmiEvent.CallerWaiting(now, e.getQueue(), e.getUniqueId(),
                    e.getWait() == null ? 0 : e.getWait());
            case QueueMemberEvent e -> new AmiEvent.MemberState(now, agent(e.getInterface(), e.getLocation()),
                    Boolean.TRUE.equals(e.getPaused()), e.getIncall() != null && e.getIncall() > 0);
            case HotlineDutyAnswerEvent e -> new AmiEvent.DutyAnswer(now, nonNull(e.getDutyCall()), nonNull(e.getKey()));
            default -> null;
        });
    }

    /** Channel variables of the caller's channel ({@code ChanVariable} lines), never {@code Dest*} ones. */
    private static Map<String, String> variables(ManagerEvent e) {
        Map<String, String> vars = new HashMap<>();
        if (e.getChannelVariables() != null) {
            e.getChannelVariables().forEach((k, v) -> {
                if (k != null && v != null) {
                    vars.put(k, v);
                }
            });
        }
        return vars;
    }

    private static String agent(String iface, String fallback) {
        return iface != null && !iface.isBlank() ? iface : nonNull(fallback);
    }

    private static long orZero(Number n) {
        return n == null ? 0 : n.longValue();
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : n;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
