package org.hotline.core.testsupport.ami;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Queue and agent event blocks as Asterisk 12+ writes them for app_queue, with the caller channel's snapshot
 * (including {@code ChanVariable} lines for the variables listed in manager.conf {@code channelvars}) and, for
 * agent events, the member's channel as {@code Dest*} fields. Send them with {@link AmiSimulator#emitRaw}.
 */
public final class QueueEvents {

    private QueueEvents() {}

    /** A caller's channel in the queue: what the IVR left on it. */
    public record Caller(String channel, String uniqueId, String callerNumber, Map<String, String> variables) {

        public Caller {
            variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        }

        /** A caller handed over by the IVR, carrying its {@code HOTLINE_*} variables. */
        public static Caller fromIvr(String uniqueId, String reference, String language, String queue) {
            Map<String, String> vars = new LinkedHashMap<>();
            vars.put("HOTLINE_REFERENCE", reference);
            vars.put("HOTLINE_LANG", language);
            vars.put("HOTLINE_QUEUE", queue);
            return new Caller("PJSIP/trunk-" + uniqueId.replace('.', '-'), uniqueId, "+15550100" + uniqueId.length(),
                    vars);
        }

        /** A caller that reached the queue without the IVR (no variables). */
        public static Caller bare(String uniqueId) {
            return new Caller("PJSIP/trunk-" + uniqueId.replace('.', '-'), uniqueId, "+15550199", Map.of());
        }
    }

    public static String callerJoin(Caller caller, String queue, int position, int count) {
        return event("QueueCallerJoin", caller) + "Queue: " + queue + "\r\nPosition: " + position + "\r\nCount: "
                + count + "\r\n\r\n";
    }

    public static String agentCalled(Caller caller, String queue, String iface) {
        return event("AgentCalled", caller) + dest(iface) + "Queue: " + queue + "\r\nInterface: " + iface
                + "\r\nMemberName: " + iface + "\r\n\r\n";
    }

    public static String agentConnect(Caller caller, String queue, String iface, long holdSeconds) {
        return event("AgentConnect", caller) + dest(iface) + "Queue: " + queue + "\r\nInterface: " + iface
                + "\r\nMemberName: " + iface + "\r\nHoldTime: " + holdSeconds + "\r\nRingTime: 2\r\n\r\n";
    }

    public static String agentComplete(Caller caller, String queue, String iface, long holdSeconds, long talkSeconds,
            String reason) {
        return event("AgentComplete", caller) + dest(iface) + "Queue: " + queue + "\r\nInterface: " + iface
                + "\r\nMemberName: " + iface + "\r\nHoldTime: " + holdSeconds + "\r\nTalkTime: " + talkSeconds
                + "\r\nReason: " + reason + "\r\n\r\n";
    }

    public static String callerLeave(Caller caller, String queue, int count) {
        return event("QueueCallerLeave", caller) + "Queue: " + queue + "\r\nPosition: 1\r\nCount: " + count
                + "\r\n\r\n";
    }

    public static String callerAbandon(Caller caller, String queue, long holdSeconds) {
        return event("QueueCallerAbandon", caller) + "Queue: " + queue + "\r\nPosition: 1\r\nOriginalPosition: 1"
                + "\r\nHoldTime: " + holdSeconds + "\r\n\r\n";
    }

    public static String hangup(Caller caller) {
        return event("Hangup", caller) + "Cause: 16\r\nCause-txt: Normal Clearing\r\n\r\n";
    }

    private static String event(String name, Caller caller) {
        StringBuilder block = new StringBuilder("Event: ").append(name).append("\r\nPrivilege: agent,all\r\n")
                .append("Channel: ").append(caller.channel()).append("\r\nChannelState: 6\r\nChannelStateDesc: Up\r\n")
                .append("CallerIDNum: ").append(caller.callerNumber()).append("\r\nCallerIDName: <unknown>\r\n")
                .append("ConnectedLineNum: <unknown>\r\nConnectedLineName: <unknown>\r\nLanguage: en\r\n")
                .append("AccountCode: \r\nContext: hotline-queue\r\nExten: s\r\nPriority: 1\r\n")
                .append("Uniqueid: ").append(caller.uniqueId()).append("\r\nLinkedid: ").append(caller.uniqueId())
                .append("\r\n");
        caller.variables().forEach((name2, value) ->
                block.append("ChanVariable: ").append(name2).append('=').append(value).append("\r\n"));
        return block.toString();
    }

    private static String dest(String iface) {
        return "DestChannel: " + iface + "-00000002\r\nDestChannelState: 6\r\nDestChannelStateDesc: Up\r\n"
                + "DestUniqueid: 1700000099.1\r\nDestLinkedid: 1700000099.1\r\n";
    }
}
