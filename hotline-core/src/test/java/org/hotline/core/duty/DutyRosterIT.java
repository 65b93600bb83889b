package org.hotline.core.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline.core.ami.AmiClient;
import org.hotline.core.ami.AmiConfig;
import org.hotline.core.ami.DutyOfficerCall;
import org.hotline.core.ami.DutyOfficerCall.DutyOfficerSettings;
import org.hotline.core.audit.AuditEvent;
import org.hotline.core.duty.internal.MongoDutyRounds;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.storage.MongoStore;
import org.hotline.core.testsupport.ami.AmiSimulator;
import org.hotline.core.testsupport.ami.OriginateOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The duty list against the AMI simulator over TCP, its rounds in the embedded MongoDB over the driver. */
class DutyRosterIT {

    private static final List<String> OFFICERS = List.of("PJSIP/duty-1", "PJSIP/duty-2", "PJSIP/duty-3");
    private static final String REFERENCE = "123456789";

    @TempDir
    Path dir;

    private AmiSimulator sim;
    private AmiClient ami;
    private MongoStore mongo;
    private DutyRounds rounds;
    private final List<AuditEvent> audit = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        sim = AmiSimulator.start("hotline", "secret");
        ami = AmiClient.start(AmiConfig.of("127.0.0.1", sim.port(), "hotline", "secret"), new HotlineMetrics(false),
                Clock.systemUTC());
        await().atMost(Duration.ofSeconds(20)).until(() -> ami.isConnected() && sim.loggedInSessions() == 1);
        mongo = MongoStore.embedded(dir.resolve("mongo"), 0, "hotline", Duration.ofSeconds(5));
        MongoDutyRounds stored = new MongoDutyRounds(mongo.database());
        stored.ensureIndexes();
        rounds = stored;
    }

    @AfterEach
    void stop() {
        ami.close();
        sim.close();
        mongo.close();
    }

    private DutyRoster roster(String node) {
        DutyOfficerCall phone = new DutyOfficerCall(ami, new DutyOfficerSettings(OFFICERS.getFirst(),
                DutyOfficerSettings.DEFAULT_CONTEXT, "Hotline", Duration.ofSeconds(5), Duration.ofMillis(500)));
        ami.addListener("duty-" + node, phone);
        return new DutyRoster(rounds, phone::call, OFFICERS, Duration.ofMinutes(2), audit::add, Clock.systemUTC(), node);
    }

    private List<String> outcomes() {
        return audit.stream().filter(e -> e.action().equals("duty_officer.call"))
                .map(e -> e.details().get("officer") + "=" + e.details().get("outcome")).toList();
    }

    @Test
    void shouldRingTheNextOfficerWhenOneDoesNotAnswerAndStopAtTheOneWhoAccepts() {
        // given the first officer's phone is not answered, the second is busy, the third accepts
        sim.onOriginate(action -> switch (action.get("Channel")) {
            case "PJSIP/duty-1" -> OriginateOutcome.noAnswer();
            case "PJSIP/duty-2" -> OriginateOutcome.busy();
            default -> OriginateOutcome.answeredPressing("1");
        });

        // when
        roster("node-a").ring(REFERENCE);

        // then every step is audited and the round is accepted by the third
        await().atMost(Duration.ofSeconds(20)).until(() -> rounds.find(REFERENCE)
                .map(r -> r.state() == DutyRound.State.ACCEPTED).orElse(false));
        assertThat(outcomes()).containsExactly("PJSIP/duty-1=NotAnswered", "PJSIP/duty-2=NotAnswered",
                "PJSIP/duty-3=Accepted");
        assertThat(rounds.find(REFERENCE).orElseThrow().index()).isEqualTo(2);
    }

    @Test
    void shouldEndTheRoundAuditedWhenNobodyOnTheListAccepts() {
        // given every officer declines
        sim.onOriginate(action -> OriginateOutcome.answeredPressing("2"));

        // when
        roster("node-a").ring(REFERENCE);

        // then
        await().atMost(Duration.ofSeconds(20)).until(() -> rounds.find(REFERENCE)
                .map(r -> r.state() == DutyRound.State.EXHAUSTED).orElse(false));
        assertThat(outcomes()).hasSize(3).allSatisfy(o -> assertThat(o).endsWith("=Declined"));
        assertThat(audit).anySatisfy(e -> assertThat(e.action()).isEqualTo("duty_officer.exhausted"));
    }

    @Test
    void shouldRingOnceForACaseWhileItsRoundRunsOrWasAccepted() {
        // given
        sim.onOriginate(action -> OriginateOutcome.answeredPressing("1"));
        DutyRoster roster = roster("node-a");

        // when a second IMMEDIATE referral of the same case arrives during and after the round
        roster.ring(REFERENCE);
        roster.ring(REFERENCE);
        await().atMost(Duration.ofSeconds(20)).until(() -> rounds.find(REFERENCE)
                .map(r -> r.state() == DutyRound.State.ACCEPTED).orElse(false));
        roster.ring(REFERENCE);

        // then one officer was rung once
        assertThat(sim.actions("Originate")).hasSize(1);
    }

    @Test
    void shouldMoveOnFromACallThatAStoppedNodeLeftRinging() {
        // given node-b died while the first officer's phone rang: its round's lease has run out
        sim.onOriginate(action -> OriginateOutcome.answeredPressing("1"));
        Instant now = Instant.now();
        rounds.start(REFERENCE, "node-b", now.minusSeconds(120), now.minusSeconds(1));

        // when another node looks for stalled rounds
        int moved = roster("node-a").resume();

        // then the second officer is rung and accepts; the lost call is recorded as no response
        assertThat(moved).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> rounds.find(REFERENCE)
                .map(r -> r.state() == DutyRound.State.ACCEPTED).orElse(false));
        assertThat(outcomes()).containsExactly("PJSIP/duty-1=NoResponse (node node-b stopped)", "PJSIP/duty-2=Accepted");
        assertThat(sim.actions("Originate")).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("Channel", "PJSIP/duty-2"));
    }

    @Test
    void shouldNotThrowIntoRoutingWhenTheRoundCannotBeStored() {
        // given MongoDB is gone
        sim.onOriginate(action -> OriginateOutcome.answeredPressing("1"));
        DutyRoster roster = roster("node-a");
        mongo.close();

        // when an IMMEDIATE referral asks for the ring
        roster.ring(REFERENCE);

        // then routing goes on (no exception) and nobody is rung for a round nobody stored
        assertThat(sim.actions("Originate")).isEmpty();
    }
}
