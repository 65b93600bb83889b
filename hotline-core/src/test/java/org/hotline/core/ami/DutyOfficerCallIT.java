package org.hotline.core.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hotline.core.ami.DutyOfficerCall.DutyOfficerSettings;
import org.hotline.core.ami.DutyOfficerCall.Outcome;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.testsupport.ami.AmiSimulator;
import org.hotline.core.testsupport.ami.OriginateOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The duty-officer call (Originate, then "press 1 to accept") against the AMI simulator over TCP. */
class DutyOfficerCallIT {

    private static final DutyOfficerSettings SETTINGS = new DutyOfficerSettings("PJSIP/duty-officer",
            DutyOfficerSettings.DEFAULT_CONTEXT, "Hotline <100>", Duration.ofSeconds(30), Duration.ofMillis(500));

    private AmiSimulator sim;
    private AmiClient ami;
    private DutyOfficerCall duty;

    @BeforeEach
    void start() {
        sim = AmiSimulator.start("hotline", "secret");
        ami = AmiClient.start(AmiConfig.of("127.0.0.1", sim.port(), "hotline", "secret"), new HotlineMetrics(false),
                Clock.systemUTC());
        duty = new DutyOfficerCall(ami, SETTINGS);
        ami.addListener("duty-officer", duty);
        await().atMost(Duration.ofSeconds(20)).until(() -> ami.isConnected() && sim.loggedInSessions() == 1);
    }

    @AfterEach
    void stop() {
        ami.close();
        sim.close();
    }

    private Outcome call() throws Exception {
        return duty.call("123456789").get(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldReportAcceptedWhenTheOfficerPressesOne() throws Exception {
        // given
        sim.onOriginate(action -> OriginateOutcome.answeredPressing("1"));
        // when
        Outcome outcome = call();
        // then
        assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
        Map<String, String> originate = sim.actions("Originate").get(0);
        assertThat(originate).containsEntry("Channel", "PJSIP/duty-officer")
                .containsEntry("Context", "hotline-duty-officer").containsEntry("Exten", "s")
                .containsEntry("Async", "true");
        assertThat(originate.get("Variable")).contains("HOTLINE_REFERENCE=123456789")
                .contains("HOTLINE_DUTY_CALL=" + ((Outcome.Accepted) outcome).dutyCallId());
    }

    @Test
    void shouldReportDeclinedWhenTheOfficerPressesAnotherKey() throws Exception {
        // given
        sim.onOriginate(action -> OriginateOutcome.answeredPressing("2"));
        // when / then
        assertThat(call()).isInstanceOfSatisfying(Outcome.Declined.class, d -> assertThat(d.key()).isEqualTo("2"));
    }

    @Test
    void shouldReportNotAnsweredWithTheDialReason() throws Exception {
        // given
        sim.onOriginate(action -> OriginateOutcome.busy());
        // when / then
        assertThat(call()).isInstanceOfSatisfying(Outcome.NotAnswered.class,
                n -> assertThat(n.reason()).isEqualTo("busy"));
        sim.onOriginate(action -> OriginateOutcome.noAnswer());
        assertThat(call()).isInstanceOfSatisfying(Outcome.NotAnswered.class,
                n -> assertThat(n.reason()).isEqualTo("no answer"));
    }

    @Test
    void shouldReportNoResponseWhenAnsweredButNoKeyComesBack() throws Exception {
        // given
        sim.onOriginate(action -> OriginateOutcome.answered());
        // when / then
        assertThat(call()).isInstanceOf(Outcome.NoResponse.class);
    }

    @Test
    void shouldReportFailedWithoutCallingWhenAmiIsDown() throws Exception {
        // given
        sim.goSilent();
        sim.dropConnections();
        await().atMost(Duration.ofSeconds(20)).until(() -> !ami.isConnected());
        // when / then
        assertThat(call()).isInstanceOfSatisfying(Outcome.Failed.class,
                f -> assertThat(f.reason()).contains("not connected"));
        assertThat(sim.actions("Originate")).isEmpty();
    }

    @Test
    void shouldRefuseAMalformedReferenceOrSettings() {
        assertThatThrownBy(() -> duty.call("12345")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DutyOfficerSettings("PJSIP/duty\nAction: Command", "ctx", "x",
                Duration.ofSeconds(30), Duration.ofSeconds(10))).hasMessageContaining("channel");
        assertThatThrownBy(() -> new DutyOfficerSettings("PJSIP/duty", "ctx", "x", Duration.ofSeconds(30),
                Duration.ZERO)).hasMessageContaining("answerTimeout");
        assertThat(sim.actions("Originate")).isEmpty();
    }
}
