package org.hotline.core.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** E-mail referrals over real SMTP, received by GreenMail. */
class EmailDispatchIT {

    private static final Map<String, Object> SEXUAL_EXPLOITATION = Map.of(
            "exploitationType", "sexual_exploitation",
            "region", "NO",
            "needs", "shelter",
            "narrative", "she is kept in a bar on the coast road",
            "callerPhone", "+231770000999");
    private static final String ID = "tip-e:shelter";

    @TempDir
    Path dataDir;

    private DispatchTestBed bed;
    private GreenMail smtp;
    private int smtpPort;
    private Dispatch node;

    @BeforeEach
    void setUp() throws IOException {
        bed = new DispatchTestBed(dataDir);
        smtpPort = freePort();
        node = bed.node(DispatchTestBed.config("node-a").smtpUri("smtp://127.0.0.1:" + smtpPort)
                .mailFrom("referrals@hotline.example.org").build(),
                SecretResolver.fromMap(Map.of(AnswerLinks.KEY_REF, "an answer-link key that is long enough")), bed.mongo);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (smtp != null) {
            smtp.stop();
        }
        bed.close();
    }

    @Test
    void shouldMailShortNoticeWithPortalLinkAndNoDetails() throws Exception {
        // given
        startSmtp();
        bed.insertTip("tip-e", "E5M4L");
        DispatchTestBed.refer(node, "tip-e", "E5M4L", SEXUAL_EXPLOITATION, DispatchTestBed.pathway(null, null));

        // when
        node.worker().dispatchOnce();

        // then
        MimeMessage[] messages = smtp.getReceivedMessagesForDomain("shelter.example.org");
        assertThat(messages).hasSize(1);
        MimeMessage mail = messages[0];
        String text = mail.getContent().toString();
        assertThat(mail.getSubject()).contains("E5M4L").contains("HIGH");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("referrals@hotline.example.org");
        // the shelter's profile (notice) does not list the exploitation type, so the mail does not name it
        assertThat(text).contains("Reference: E5M4L").doesNotContain("Category").doesNotContain("sexual_exploitation")
                .contains("Urgency: HIGH").contains("http://127.0.0.1:8080/portal/referrals/tip-e%3Ashelter");
        assertThat(text).doesNotContain("bar on the coast road").doesNotContain("+231770000999");
        Referral referral = node.referrals().find(ID).orElseThrow();
        assertThat(mail.getHeader("X-Hotline-Idempotency-Key")).containsExactly(referral.idempotencyKey());
        assertThat(referral.state()).isEqualTo(ReferralState.DELIVERED);
        assertThat(referral.channel()).isEqualTo("email");
        assertThat(referral.attempts()).singleElement().satisfies(a -> assertThat(a.channel()).isEqualTo("email"));
    }

    @Test
    void shouldRetryWhenSmtpServerIsDownThenDeliverOnce() {
        // given: no SMTP server listening yet
        DispatchTestBed.refer(node, "tip-e", "E5M4L", SEXUAL_EXPLOITATION, DispatchTestBed.pathway(null, null));
        node.worker().dispatchOnce();
        Referral failed = node.referrals().find(ID).orElseThrow();

        // when
        startSmtp();
        bed.clock.advanceTo(failed.nextAttemptAt());
        node.worker().dispatchOnce();

        // then
        assertThat(failed.state()).isEqualTo(ReferralState.FAILED);
        assertThat(failed.lastError()).startsWith("connection refused");
        assertThat(node.referrals().find(ID).orElseThrow().state()).isEqualTo(ReferralState.DELIVERED);
        assertThat(smtp.getReceivedMessagesForDomain("shelter.example.org")).hasSize(1);
    }

    @Test
    void shouldCarryAcknowledgeLinkThatWorksOnce() throws Exception {
        // given
        startSmtp();
        DispatchTestBed.refer(node, "tip-e", "E5M4L", SEXUAL_EXPLOITATION, DispatchTestBed.pathway(null, null));
        node.worker().dispatchOnce();
        String text = smtp.getReceivedMessagesForDomain("shelter.example.org")[0].getContent().toString();
        Matcher ack = Pattern.compile("Acknowledge: http://127\\.0\\.0\\.1:8080/portal/answer\\?token=(\\S+)").matcher(text);
        assertThat(ack.find()).as("acknowledge link in %s", text).isTrue();

        // when
        AnswerResult first = node.answerLinks().orElseThrow().redeem(ack.group(1));
        AnswerResult again = node.answerLinks().orElseThrow().redeem(ack.group(1));

        // then
        assertThat(first).isInstanceOf(AnswerResult.Applied.class);
        assertThat(again).isInstanceOf(AnswerResult.Refused.class);
        assertThat(text).contains("Decline: http://127.0.0.1:8080/portal/answer?token=");
        assertThat(node.referrals().find(ID).orElseThrow().state()).isEqualTo(ReferralState.ACKNOWLEDGED);
    }

    private void startSmtp() {
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
