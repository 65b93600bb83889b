package org.hotline.core.referral.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.hotline.core.referral.DispatchConfig;
import org.hotline.pathway.Channel;
import org.junit.jupiter.api.Test;

/** Agencies read the acknowledge-by time in the hotline's time zone, in words, in SMS and e-mail alike. */
class AgencyTimesTest {

    private static final Instant DUE = Instant.parse("2026-11-23T14:00:00Z");

    @Test
    void shouldShowTheDeadlineInTheHotlinesZoneInWords() {
        assertThat(AgencyTimes.format(DUE, ZoneId.of("Africa/Monrovia"))).isEqualTo("Mon 23 Nov 14:00 GMT");
        assertThat(AgencyTimes.format(DUE, ZoneId.of("Africa/Lagos"))).isEqualTo("Mon 23 Nov 15:00 WAT");
        assertThat(AgencyTimes.format(null, ZoneId.of("Africa/Lagos"))).isEqualTo("-");
    }

    @Test
    void shouldPutTheLocalDeadlineIntoTheSmsAndTheMailNotTheIsoInstant() {
        // given a node in Lagos time
        DispatchConfig config = DispatchConfig.builder("node").smsGatewayUrl("http://127.0.0.1:9/sms")
                .zone(ZoneId.of("Africa/Lagos")).build();
        DeliveryRequest request = new DeliveryRequest("t-1:police", "123456789", "police", "Police", null, "HIGH",
                DUE, Map.of("reference", "123456789"), "key-1", new Channel.Sms("+2348000000000"), false);

        // when
        String sms = new SmsRoute(new ObjectMapper(), config, "http://127.0.0.1:9/sms").text(request);
        String mail = new EmailRoute(config, Optional.empty()).text(request);

        // then
        assertThat(sms).contains("Acknowledge by Mon 23 Nov 15:00 WAT").doesNotContain("2026-11-23T14:00:00Z");
        assertThat(mail).contains("Acknowledge by: Mon 23 Nov 15:00 WAT");
    }
}
