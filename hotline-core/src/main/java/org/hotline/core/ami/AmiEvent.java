package org.hotline.core.ami;

import java.time.Instant;
import java.util.Map;

/**
 * What the hotline needs from Asterisk's queue events, independent of Asterisk-Java's classes. {@code callId}
 * is the caller channel's unique id; {@code agent} is a member interface such as {@code PJSIP/op-ana};
 * {@code variables} are the caller channel's variables (the IVR sets {@code HOTLINE_REFERENCE},
 * {@code HOTLINE_LANG} and {@code HOTLINE_QUEUE}). Caller numbers are deliberately not carried.
 */
public sealed interface AmiEvent {

    Instant at();

    /** The manager connection is up (first login or after a reconnect): state may have been missed. */
    record Connected(Instant at) implements AmiEvent {}

    /** The manager connection is down; live state is stale until {@link Connected}. */
    record Disconnected(Instant at) implements AmiEvent {}

    record CallerJoined(Instant at, String queue, String callId, int position, Map<String, String> variables)
            implements AmiEvent {
        public CallerJoined {
            variables = Map.copyOf(variables);
        }
    }

    record AgentCalled(Instant at, String queue, String callId, String agent) implements AmiEvent {}

    /**
     * A queue member answered. {@code callerChannel} and {@code agentChannel} are the two channel names (empty
     * when unknown), which a {@link Redirect} of the call needs.
     */
    record AgentConnected(Instant at, String queue, String callId, String agent, long holdSeconds,
            Map<String, String> variables, String callerChannel, String agentChannel) implements AmiEvent {
        public AgentConnected {
            variables = Map.copyOf(variables);
            callerChannel = callerChannel == null ? "" : callerChannel;
            agentChannel = agentChannel == null ? "" : agentChannel;
        }

        public AgentConnected(Instant at, String queue, String callId, String agent, long holdSeconds,
                Map<String, String> variables) {
            this(at, queue, callId, agent, holdSeconds, variables, "", "");
        }
    }

    /** {@code reason} is Asterisk's {@code caller}, {@code agent} or {@code transfer}. */
    record AgentCompleted(Instant at, String queue, String callId, String agent, long holdSeconds, long talkSeconds,
            String reason) implements AmiEvent {}

    record CallerLeft(Instant at, String queue, String callId) implements AmiEvent {}

    record CallerAbandoned(Instant at, String queue, String callId, long holdSeconds) implements AmiEvent {}

    record HungUp(Instant at, String callId) implements AmiEvent {}

    record MemberPaused(Instant at, String agent, boolean paused) implements AmiEvent {}

    /**
     * A caller found waiting by the {@code QueueStatus} the client sends after each login (AMI does not replay
     * what happened while disconnected). Channel variables are not part of that answer.
     */
    record CallerWaiting(Instant at, String queue, String callId, long waitSeconds) implements AmiEvent {}

    /** A queue member as {@code QueueStatus} reports it after each login. */
    record MemberState(Instant at, String agent, boolean paused, boolean inCall) implements AmiEvent {}

    /** A channel joined a ConfBridge {@code conference}; {@code uniqueId} matches an originate's channel id. */
    record BridgeJoined(Instant at, String conference, String channel, String uniqueId) implements AmiEvent {}

    /** A channel left a ConfBridge {@code conference} (hung up, kicked, or ended with the marked user). */
    record BridgeLeft(Instant at, String conference, String channel, String uniqueId) implements AmiEvent {}

    /** A supervisor's channel ({@code spyer}) started listening to another ({@code spyee}) through ChanSpy. */
    record SpyStarted(Instant at, String spyerChannel, String spyerUniqueId, String spyeeChannel) implements AmiEvent {}

    /** ChanSpy stopped (the supervisor hung up, or the call listened to ended). */
    record SpyStopped(Instant at, String spyerChannel, String spyerUniqueId, String spyeeChannel) implements AmiEvent {}

    /** A key the duty officer pressed on a call placed by {@link AmiClient#originate}. */
    record DutyAnswer(Instant at, String dutyCallId, String key) implements AmiEvent {}
}
