package org.hotline.core.ami;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Rings the duty officer about an immediate-danger tip and waits for "press 1 to accept" (design in
 * {@code docs/DUTY-OFFICER-CALL.md}). The call is an async {@code Originate} into the dialplan context
 * {@link DutyOfficerSettings#context()}, which plays the announcement with the tip reference, reads one key and
 * reports it with {@code UserEvent(HotlineDutyAnswer,DutyCall: ${HOTLINE_DUTY_CALL},Key: <key>)}.
 * Register this as an {@link AmiListener} on the client so that it sees those answers.
 */
public final class DutyOfficerCall implements AmiListener {

    /** How a duty-officer call ended. */
    public sealed interface Outcome {
        /** The officer pressed 1. */
        record Accepted(String dutyCallId) implements Outcome {}

        /** The officer answered and pressed another key. */
        record Declined(String dutyCallId, String key) implements Outcome {}

        /** The phone was not answered (busy, no answer, congestion); {@code reason} says which. */
        record NotAnswered(String dutyCallId, String reason) implements Outcome {}

        /** Answered, but no key came back in time (hung up, or the announcement timed out). */
        record NoResponse(String dutyCallId) implements Outcome {}

        /** The call could not be placed (AMI down or Asterisk refused); escalate by other means. */
        record Failed(String dutyCallId, String reason) implements Outcome {}
    }

    private final AmiClient ami;
    private final DutyOfficerSettings settings;
    private final Map<String, CompletableFuture<String>> keys = new ConcurrentHashMap<>();

    public DutyOfficerCall(AmiClient ami, DutyOfficerSettings settings) {
        this.ami = ami;
        this.settings = settings;
    }

    /** Places the call for a tip to the configured channel; never fails exceptionally. */
    public CompletableFuture<Outcome> call(String reference) {
        return call(reference, settings.channel());
    }

    /**
     * Places the call for a tip to one officer's {@code channel}; never fails exceptionally: every ending is an
     * {@link Outcome}.
     */
    public CompletableFuture<Outcome> call(String reference, String channel) {
        if (reference == null || !reference.matches("\\d{9}")) {
            throw new IllegalArgumentException("a tip reference is 9 digits");
        }
        String id = UUID.randomUUID().toString();
        CompletableFuture<String> key = new CompletableFuture<>();
        keys.put(id, key);
        OriginateRequest request = new OriginateRequest(channel, settings.context(), "s",
                settings.callerId(), settings.ringTimeout(), Map.of("HOTLINE_DUTY_CALL", id, "HOTLINE_REFERENCE", reference));
        return ami.originate(request).<Outcome>thenCompose(result -> result.answered()
                ? awaitKey(id, key)
                : CompletableFuture.completedFuture(new Outcome.NotAnswered(id, result.reasonText())))
                .exceptionally(e -> new Outcome.Failed(id, Optional.ofNullable(e.getCause()).orElse(e).getMessage()))
                .whenComplete((outcome, e) -> keys.remove(id));
    }

    private CompletableFuture<Outcome> awaitKey(String id, CompletableFuture<String> key) {
        return key.orTimeout(settings.answerTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .<Outcome>thenApply(pressed -> "1".equals(pressed) ? new Outcome.Accepted(id)
                        : new Outcome.Declined(id, pressed))
                .exceptionally(e -> new Outcome.NoResponse(id));
    }

    @Override
    public void onEvent(AmiEvent event) {
        if (event instanceof AmiEvent.DutyAnswer answer) {
            CompletableFuture<String> waiting = keys.get(answer.dutyCallId());
            if (waiting != null) {
                waiting.complete(answer.key());
            }
        }
    }

    /**
     * Where and how to ring.
     *
     * @param channel the officer's phone, e.g. {@code PJSIP/duty-officer} or {@code Local/0700123456@outbound}
     * @param answerTimeout how long after answering the officer has to press a key (the announcement included)
     */
    public record DutyOfficerSettings(String channel, String context, String callerId, Duration ringTimeout,
            Duration answerTimeout) {

        public static final String DEFAULT_CONTEXT = "hotline-duty-officer";

        public DutyOfficerSettings {
            if (answerTimeout == null || answerTimeout.isNegative() || answerTimeout.isZero()) {
                throw new IllegalArgumentException("answerTimeout must be positive");
            }
            // the remaining values are checked where they become AMI headers
            new OriginateRequest(channel, context, "s", callerId, ringTimeout, Map.of());
        }
    }
}
