package org.hotline.core.ami.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.hotline.core.ami.AmiException;
import org.hotline.core.ami.OriginateRequest;
import org.hotline.core.ami.OriginateResult;

/** Sends async {@code Originate} actions and completes each with its {@code OriginateResponse} event. */
final class Originator {

    /** Asterisk reports the dial result shortly after the ring timeout; this margin covers the slack. */
    private static final long RESULT_MARGIN_MILLIS = 5_000;

    /** Supplies the live connection or fails with {@link AmiException} when there is none. */
    interface ConnectionSource {
        ManagerConnection get() throws AmiException;
    }

    private final ConnectionSource connections;

    Originator(ConnectionSource connections) {
        this.connections = connections;
    }

    CompletableFuture<OriginateResult> originate(OriginateRequest request) {
        CompletableFuture<OriginateResult> result = new CompletableFuture<>();
        OriginateAction action = new OriginateAction();
        action.setChannel(request.channel());
        action.setContext(request.context());
        action.setExten(request.exten());
        action.setPriority(1);
        action.setCallerId(request.callerId());
        action.setTimeout(request.ringTimeout().toMillis());
        action.setAsync(true);
        action.setVariables(new HashMap<>(request.variables()));
        try {
            connections.get().sendEventGeneratingAction(action, events -> complete(result, events));
        } catch (AmiException e) {
            result.completeExceptionally(e);
        } catch (IOException | IllegalStateException e) {
            result.completeExceptionally(new AmiException(AmiException.Kind.NOT_CONNECTED, "not connected to Asterisk", e));
        }
        return result.orTimeout(request.ringTimeout().toMillis() + RESULT_MARGIN_MILLIS, TimeUnit.MILLISECONDS)
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(
                        e instanceof java.util.concurrent.TimeoutException
                                ? new AmiException(AmiException.Kind.TIMEOUT, "no OriginateResponse from Asterisk")
                                : e));
    }

    private static void complete(CompletableFuture<OriginateResult> result, ResponseEvents events) {
        if (events.getResponse() instanceof ManagerError error) {
            result.completeExceptionally(new AmiException(AmiException.Kind.REFUSED,
                    "Asterisk refused Originate: " + error.getMessage()));
            return;
        }
        events.getEvents().stream().filter(OriginateResponseEvent.class::isInstance)
                .map(OriginateResponseEvent.class::cast).findFirst()
                .ifPresentOrElse(e -> result.complete(new OriginateResult("Success".equalsIgnoreCase(e.getResponse()),
                        e.getReason() == null ? 0 : e.getReason(), e.getUniqueId() == null ? "" : e.getUniqueId())),
                        () -> result.completeExceptionally(new AmiException(AmiException.Kind.REFUSED,
                                "Originate ended without OriginateResponse")));
    }
}
