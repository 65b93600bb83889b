package org.hotline.ivr.sim;

import java.util.List;
import java.util.Map;

/**
 * The transcript of one simulated call: every command and reply in order, and what the caller experienced.
 *
 * @param exchanges every command the script sent with the reply lines the simulator answered (including an
 *     unrequested {@code HANGUP} line where one preceded the reply)
 * @param prompts sound files heard, in order, with the channel language at the time
 * @param spoken what {@code SAY DIGITS/NUMBER/ALPHA} spoke, in order
 * @param variables channel variables the script set, last value wins, in first-set order
 * @param applications dialplan applications the script ran through {@code EXEC}
 * @param recordings messages recorded with {@code RECORD FILE}
 * @param lostDigits keys the caller pressed that no command took (type-ahead, non-escape keys)
 * @param scriptHungUp whether the script hung the channel up ({@code HANGUP})
 * @param callerHungUp whether the simulated caller hung up
 * @param ending how the session ended
 * @param violations protocol problems seen (unknown commands, bad syntax, dead-channel use, missing sounds)
 */
public record CallResult(
        List<Exchange> exchanges,
        List<Prompt> prompts,
        List<Spoken> spoken,
        Map<String, String> variables,
        List<AppCall> applications,
        List<Recording> recordings,
        List<String> lostDigits,
        boolean scriptHungUp,
        boolean callerHungUp,
        SessionEnd ending,
        List<Violation> violations) {

    /** The name of the channel variable our IVR leaves for the dialplan. */
    public static final String STATUS_VARIABLE = "HOTLINE_STATUS";

    public CallResult {
        exchanges = List.copyOf(exchanges);
        prompts = List.copyOf(prompts);
        spoken = List.copyOf(spoken);
        variables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variables));
        applications = List.copyOf(applications);
        recordings = List.copyOf(recordings);
        lostDigits = List.copyOf(lostDigits);
        violations = List.copyOf(violations);
    }

    /**
     * One command and Asterisk's reply lines.
     *
     * @param turnaround time the script took to send this command after the previous reply (or the header)
     *     was sent: the server's share of the call, without simulated caller time
     * @param arrivedAtNanos when the command arrived, on the {@link System#nanoTime()} clock
     */
    public record Exchange(int number, String command, List<String> reply, java.time.Duration turnaround,
            long arrivedAtNanos) {
        public Exchange {
            reply = List.copyOf(reply);
        }

        /** The last reply line (the one with the status code). */
        public String finalReply() {
            return reply.isEmpty() ? "" : reply.get(reply.size() - 1);
        }
    }

    public record Prompt(String file, String language) {}

    public record Spoken(Kind kind, String value, String language) {
        public enum Kind { DIGITS, NUMBER, ALPHA, OTHER }
    }

    public record AppCall(String application, String arguments) {}

    public record Recording(String file, String format, String endedBy, long endpos) {}

    public record Violation(int commandNumber, Kind kind, String detail) {
        public enum Kind { UNKNOWN_COMMAND, BAD_SYNTAX, DEAD_CHANNEL, MISSING_SOUND, NOT_SIMULATED, COMMAND_LIMIT,
            IDLE_TIMEOUT }
    }

    /** How the AGI session ended. */
    public enum SessionEnd {
        /** The script closed the socket while the caller was still on the line. */
        SCRIPT_CLOSED,
        /** The caller hung up; the script then closed the socket. */
        CALLER_HUNG_UP,
        /** The script hung the channel up and closed the socket. */
        SCRIPT_HUNG_UP,
        /** The script sent nothing within the idle timeout; the simulator closed the socket. */
        IDLE_TIMEOUT,
        /** The script exceeded the command limit; the simulator closed the socket. */
        COMMAND_LIMIT,
        /** Nothing accepted the connection (no server listening, wrong host or port, or a connect timeout). */
        NOT_CONNECTED,
        /** The connection failed or was reset after it was made. */
        CONNECTION_LOST
    }

    /** The value of {@code HOTLINE_STATUS}, or null when the script never set it. */
    public String status() {
        return variables.get(STATUS_VARIABLE);
    }

    /** Sound file names heard, in order. */
    public List<String> promptsHeard() {
        return prompts.stream().map(Prompt::file).toList();
    }

    /** Digit strings spoken with {@code SAY DIGITS}, in order (e.g. a reference number). */
    public List<String> digitsSaid() {
        return spoken.stream().filter(s -> s.kind() == Spoken.Kind.DIGITS).map(Spoken::value).toList();
    }

    /** How long the script took before each command, in order (see {@link Exchange#turnaround()}). */
    public List<java.time.Duration> turnarounds() {
        return exchanges.stream().map(Exchange::turnaround).toList();
    }

    /** The commands the script sent, in order. */
    public List<String> commands() {
        return exchanges.stream().map(Exchange::command).toList();
    }

    public boolean hasViolation(Violation.Kind kind) {
        return violations.stream().anyMatch(v -> v.kind() == kind);
    }
}
