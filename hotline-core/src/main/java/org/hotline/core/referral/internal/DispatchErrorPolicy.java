package org.hotline.core.referral.internal;

import jakarta.mail.SendFailedException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * The one error policy every channel route uses: it turns whatever went wrong into a {@link DeliveryResult}
 * that the outbox worker stores on the referral.
 *
 * <p>Camel redelivery is switched off on purpose. Camel keeps redelivery state in memory, so a crash would
 * forget it, and a redelivery loop would hold a worker thread for minutes. Instead each attempt ends at once
 * and the worker persists the next attempt time in MongoDB (exponential backoff with jitter, see
 * {@link BackoffPolicy}), where any node can pick it up after a restart.
 *
 * <p>Classification: HTTP 408 and 429 and every 5xx, timeouts, refused or reset connections and missing
 * secrets may pass, so they are retried; any other 4xx or a 3xx means the agency's endpoint refuses this
 * request for good (retrying the same bytes would fail the same way), so the referral goes to dead letter.
 */
public final class DispatchErrorPolicy extends RouteConfigurationBuilder {

    /** Route configuration id the channel routes refer to. */
    public static final String ID = "dispatch-error-policy";

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(Exception.class).id("policy-on-exception")
                    .maximumRedeliveries(0)
                    .handled(true)
                    .process(DispatchErrorPolicy::classify).id("policy-classify-failure");
    }

    private static void classify(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        exchange.getMessage().setBody(classify(failure));
    }

    /** The result for an attempt that ended with {@code failure}. */
    public static DeliveryResult classify(Throwable failure) {
        if (failure instanceof HttpOperationFailedException http) {
            int status = http.getStatusCode();
            String reason = "HTTP " + status + (http.getStatusText() == null ? "" : " " + http.getStatusText());
            if (status == 408 || status == 429 || status >= 500) {
                return new DeliveryResult.Retry(reason, status);
            }
            return new DeliveryResult.Rejected(reason, status);
        }
        if (failure instanceof SendFailedException mail && mail.getInvalidAddresses() != null
                && mail.getInvalidAddresses().length > 0) {
            return new DeliveryResult.Rejected("mail server refused the address: " + mail.getMessage(), null);
        }
        return new DeliveryResult.Retry(describe(failure), null);
    }

    private static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MissingSecretException) {
                return t.getMessage();
            }
            if (t instanceof ConnectException) {
                return "connection refused: " + t.getMessage();
            }
            if (t instanceof SocketTimeoutException) {
                return "timeout: " + t.getMessage();
            }
            if (t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                return "host unreachable: " + t.getMessage();
            }
            if (t instanceof SocketException) {
                return "connection lost: " + t.getMessage();
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
