package org.hotline.core.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.referral.DispatchTestBed.DANGER_ONLY;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.hotline.core.testsupport.RecordingAgency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerLinksIT {

    private static final String ID = "tip-l:police";
    private static final String KEY = "0123456789abcdef0123456789abcdef-link-key";

    @TempDir
    Path dataDir;

    private DispatchTestBed bed;
    private Dispatch node;
    private AnswerLinks links;

    @BeforeEach
    void setUp() {
        bed = new DispatchTestBed(dataDir);
        node = bed.node(DispatchTestBed.config("node-a").build(), SecretResolver.fromMap(Map.of(
                DispatchTestBed.SECRET_REF, DispatchTestBed.SECRET, AnswerLinks.KEY_REF, KEY)), bed.mongo);
        links = node.answerLinks().orElseThrow();
        RecordingAgency police = bed.agency();
        DispatchTestBed.refer(node, "tip-l", "L1NK1", DANGER_ONLY, DispatchTestBed.pathway(police, null));
        node.worker().dispatchOnce();
    }

    @AfterEach
    void tearDown() throws Exception {
        bed.close();
    }

    @Test
    void shouldAcknowledgeOnceAndRefuseReplayedLink() {
        // given
        String token = links.token(ID, "police", AnswerLinks.Action.ACKNOWLEDGE);

        // when
        AnswerResult first = links.redeem(token);
        AnswerResult replay = links.redeem(token);

        // then
        assertThat(first).isInstanceOfSatisfying(AnswerResult.Applied.class,
                a -> assertThat(a.referral().state()).isEqualTo(ReferralState.ACKNOWLEDGED));
        assertThat(replay).isEqualTo(new AnswerResult.Refused(AnswerResult.Reason.INVALID, "the link was used already"));
    }

    @Test
    void shouldDeclineThroughDeclineLink() {
        // when
        AnswerResult result = links.redeem(links.token(ID, "police", AnswerLinks.Action.DECLINE));

        // then
        assertThat(result).isInstanceOfSatisfying(AnswerResult.Applied.class,
                a -> assertThat(a.referral().state()).isEqualTo(ReferralState.DECLINED));
    }

    @Test
    void shouldRefuseExpiredLinkAndChangeNothing() {
        // given
        String token = links.token(ID, "police", AnswerLinks.Action.ACKNOWLEDGE);
        bed.clock.advance(AnswerLinks.DEFAULT_VALIDITY.plus(Duration.ofSeconds(1)));

        // when
        AnswerResult result = links.redeem(token);

        // then
        assertThat(result).isEqualTo(new AnswerResult.Refused(AnswerResult.Reason.INVALID, "the link has expired"));
        assertThat(node.referrals().find(ID).orElseThrow().state()).isEqualTo(ReferralState.DELIVERED);
    }

    @Test
    void shouldRefuseTamperedOrForeignLinkAndChangeNothing() {
        // given: the claims changed to another agency, and a link signed with another key
        String token = links.token(ID, "police", AnswerLinks.Action.ACKNOWLEDGE);
        String claims = new String(java.util.Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8).replace("police", "labour");
        String tampered = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + token.substring(token.indexOf('.'));
        AnswerLinks otherKey = new AnswerLinks("another-key-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8),
                node.answers(), bed.mongo.database(), Duration.ofDays(1), bed.clock);

        // when
        AnswerResult forged = links.redeem(tampered);
        AnswerResult foreign = links.redeem(otherKey.token(ID, "police", AnswerLinks.Action.ACKNOWLEDGE));

        // then
        assertThat(forged).isEqualTo(new AnswerResult.Refused(AnswerResult.Reason.INVALID, "the link is not valid"));
        assertThat(foreign).isEqualTo(new AnswerResult.Refused(AnswerResult.Reason.INVALID, "the link is not valid"));
        assertThat(node.referrals().find(ID).orElseThrow().state()).isEqualTo(ReferralState.DELIVERED);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"abc", "a.b", "a.b.c", "....", "%%%.%%%"})
    void shouldRefuseMalformedToken(String token) {
        assertThat(links.redeem(token)).isEqualTo(new AnswerResult.Refused(AnswerResult.Reason.INVALID,
                "the link is not valid"));
        assertThat(node.referrals().find(ID).orElseThrow().state()).isEqualTo(ReferralState.DELIVERED);
    }
}
