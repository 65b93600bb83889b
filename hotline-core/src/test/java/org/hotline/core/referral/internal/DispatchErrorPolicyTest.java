package org.hotline.core.referral.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Map;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DispatchErrorPolicyTest {

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 502, 503, 504})
    void shouldRetryWhenStatusMayPass(int status) {
        assertThat(DispatchErrorPolicy.classify(http(status))).isInstanceOf(DeliveryResult.Retry.class)
                .extracting(DeliveryResult::httpStatus).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 400, 401, 403, 404, 409, 410, 413, 422})
    void shouldRejectWhenStatusIsFinal(int status) {
        assertThat(DispatchErrorPolicy.classify(http(status))).isInstanceOf(DeliveryResult.Rejected.class);
    }

    @Test
    void shouldNameTransportFailureFoundDeepInCauseChain() {
        DeliveryResult refused = DispatchErrorPolicy.classify(new IOException("wrapped", new ConnectException("Connection refused")));
        DeliveryResult timedOut = DispatchErrorPolicy.classify(new RuntimeException(new SocketTimeoutException("Read timed out")));

        DeliveryResult reset = DispatchErrorPolicy.classify(new java.net.SocketException("Connection reset"));
        assertThat(reset).isEqualTo(new DeliveryResult.Retry("connection lost: Connection reset", null));
        assertThat(refused).isEqualTo(new DeliveryResult.Retry("connection refused: Connection refused", null));
        assertThat(timedOut).isEqualTo(new DeliveryResult.Retry("timeout: Read timed out", null));
    }

    @Test
    void shouldRetryWithReasonWhenSecretIsMissing() {
        DeliveryResult result = DispatchErrorPolicy.classify(new MissingSecretException("police", "POLICE_SECRET"));

        assertThat(result).isInstanceOf(DeliveryResult.Retry.class);
        assertThat(((DeliveryResult.Retry) result).reason()).contains("POLICE_SECRET").contains("police");
    }

    private static HttpOperationFailedException http(int status) {
        return new HttpOperationFailedException("http://agency/x", status, "Status " + status, null, Map.of(), "");
    }
}
