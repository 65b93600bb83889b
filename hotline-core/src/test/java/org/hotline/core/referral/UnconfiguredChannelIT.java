package org.hotline.core.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agency reachable only by a channel this node has not configured (e-mail without SMTP, as in demo mode; SMS
 * without a gateway): its referrals are dead-lettered at once with the reason and what to do, and the log says it
 * once, instead of retrying silently for days.
 */
class UnconfiguredChannelIT {

    private static final Map<String, Object> SEXUAL_EXPLOITATION = Map.of(
            "exploitationType", "sexual_exploitation", "region", "MO", "childInvolved", false);

    @TempDir
    Path dataDir;

    private DispatchTestBed bed;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final PrintStream originalErr = System.err;

    @BeforeEach
    void setUp() {
        bed = new DispatchTestBed(dataDir);
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void tearDown() throws Exception {
        System.setErr(originalErr);
        bed.close();
    }

    @Test
    void shouldDeadLetterReferralsForAnUnconfiguredChannelOnceWithTheReasonAndSayItOnce() {
        // given a node without SMTP or SMS gateway, and two tips for the e-mail shelter and the SMS outreach team
        Dispatch node = bed.node(DispatchTestBed.config("node-a").build());
        DispatchTestBed.refer(node, "tip-1", "U1", SEXUAL_EXPLOITATION, DispatchTestBed.pathway(null, null));
        DispatchTestBed.refer(node, "tip-2", "U2", SEXUAL_EXPLOITATION, DispatchTestBed.pathway(null, null));

        // when the dispatcher tries them
        node.worker().dispatchOnce();

        // then each is a dead letter after one attempt, saying which setting is missing and what to do
        for (String tip : new String[] {"tip-1", "tip-2"}) {
            Referral shelter = node.referrals().find(tip + ":shelter").orElseThrow();
            assertThat(shelter.state()).isEqualTo(ReferralState.DEAD_LETTER);
            assertThat(shelter.attempts()).hasSize(1);
            assertThat(shelter.lastError()).contains("HOTLINE_SMTP_URI").contains("retry").contains("reassign");
            Referral outreach = node.referrals().find(tip + ":outreach").orElseThrow();
            assertThat(outreach.state()).isEqualTo(ReferralState.DEAD_LETTER);
            assertThat(outreach.lastError()).contains("HOTLINE_SMS_GATEWAY_URL");
        }
        // and the log says it once per channel, not once per attempt
        String lines = log.toString(StandardCharsets.UTF_8);
        assertThat(lines.lines().filter(l -> l.contains("Referrals by email cannot go out"))).hasSize(1);
        assertThat(lines.lines().filter(l -> l.contains("Referrals by sms cannot go out"))).hasSize(1);
    }
}
