package org.hotline.core.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.testsupport.ami.AmiSimulator;
import org.hotline.core.testsupport.ami.QueueEvents;
import org.hotline.core.testsupport.ami.QueueEvents.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The AMI client against the AMI simulator over real TCP: login, events, reconnect, half-open, QueuePause. */
class AmiClientIT {

    private static final String USER = "hotline";
    private static final String SECRET = "s3cret-for-tests";

    private AmiSimulator sim;
    private HotlineMetrics metrics;
    private AmiClient client;
    private final List<AmiEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startSimulator() {
        sim = AmiSimulator.start(USER, SECRET).member("PJSIP/op-ana");
        metrics = new HotlineMetrics(false);
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        sim.close();
    }

    private AmiConfig config(String secret) {
        return AmiConfig.of("127.0.0.1", sim.port(), USER, secret)
                .withPing(Duration.ofMillis(200), Duration.ofMillis(400))
                .withReconnect(Duration.ofMillis(20), Duration.ofMillis(200));
    }

    private void connect(AmiConfig config) {
        client = AmiClient.start(config, metrics, Clock.systemUTC());
        client.addListener("test", events::add);
    }

    private void connectAndWait() {
        connect(config(SECRET));
        await().atMost(Duration.ofSeconds(20)).until(() -> client.isConnected() && sim.loggedInSessions() == 1);
    }

    @Test
    void shouldLogInAndReportConnectedWhenCredentialsAreRight() {
        // when
        connectAndWait();
        // then
        assertThat(sim.successfulLogins()).isEqualTo(1);
        assertThat(client.lastError()).isEmpty();
        assertThat(metrics.scrape()).contains("hotline_component_up{component=\"ami\",} 1.0");
        await().atMost(Duration.ofSeconds(20)).until(() -> events.stream().anyMatch(AmiEvent.Connected.class::isInstance));
    }

    @Test
    void shouldStayDisconnectedAndRetryWithBackoffWhenTheSecretIsWrong() {
        // when
        connect(config("wrong-secret"));
        // then
        await().atMost(Duration.ofSeconds(20)).until(() -> sim.failedLogins() >= 3);
        assertThat(client.isConnected()).isFalse();
        assertThat(sim.successfulLogins()).isZero();
        assertThat(client.lastError()).hasValueSatisfying(e -> assertThat(e).contains("authentication failed"));
        assertThat(metrics.scrape()).contains("hotline_component_up{component=\"ami\",} 0.0");
    }

    @Test
    void shouldDeliverQueueEventsWithTheIvrChannelVariables() {
        // given
        connectAndWait();
        Caller caller = Caller.fromIvr("1700000001.5", "123456789", "fr", "operators");
        // when
        sim.emitRaw(QueueEvents.callerJoin(caller, "operators", 1, 1));
        sim.emitRaw(QueueEvents.agentCalled(caller, "operators", "PJSIP/op-ana"));
        sim.emitRaw(QueueEvents.agentConnect(caller, "operators", "PJSIP/op-ana", 42));
        sim.emitRaw(QueueEvents.agentComplete(caller, "operators", "PJSIP/op-ana", 42, 300, "caller"));
        // then
        await().atMost(Duration.ofSeconds(20)).until(() -> events.stream().anyMatch(AmiEvent.AgentCompleted.class::isInstance));
        AmiEvent.CallerJoined joined = only(AmiEvent.CallerJoined.class);
        assertThat(joined.callId()).isEqualTo("1700000001.5");
        assertThat(joined.queue()).isEqualTo("operators");
        assertThat(joined.variables()).containsEntry("HOTLINE_REFERENCE", "123456789")
                .containsEntry("HOTLINE_LANG", "fr").containsEntry("HOTLINE_QUEUE", "operators");
        assertThat(only(AmiEvent.AgentCalled.class).agent()).isEqualTo("PJSIP/op-ana");
        AmiEvent.AgentConnected connected = only(AmiEvent.AgentConnected.class);
        assertThat(connected.holdSeconds()).isEqualTo(42);
        assertThat(connected.variables()).containsEntry("HOTLINE_REFERENCE", "123456789");
        assertThat(connected.callerChannel()).isEqualTo(caller.channel());
        assertThat(connected.agentChannel()).isEqualTo("PJSIP/op-ana-00000002");
        AmiEvent.AgentCompleted completed = only(AmiEvent.AgentCompleted.class);
        assertThat(completed.talkSeconds()).isEqualTo(300);
        assertThat(completed.reason()).isEqualTo("caller");
    }

    @Test
    void shouldReconnectAndReceiveEventsAgainWhenAsteriskDropsTheConnection() {
        // given
        connectAndWait();
        // when
        sim.dropConnections();
        // then
        await().atMost(Duration.ofSeconds(20)).until(() -> sim.successfulLogins() == 2 && client.isConnected());
        assertThat(events).filteredOn(AmiEvent.Disconnected.class::isInstance).hasSize(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> sim.loggedInSessions() == 1);
        Caller caller = Caller.fromIvr("1700000002.1", "987654321", "en", "operators");
        sim.emitRaw(QueueEvents.callerJoin(caller, "operators", 1, 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> events.stream().anyMatch(AmiEvent.CallerJoined.class::isInstance));
        assertThat(metrics.scrape()).contains("hotline_ami_reconnects_total 1.0");
    }

    @Test
    void shouldLeaveNoConnectionBehindWhenClosedDuringALogin() {
        // given a client logging in to an Asterisk that answered its challenge but not its login yet
        sim.goSilentOn("Login");
        connect(config(SECRET));
        await().atMost(Duration.ofSeconds(20)).until(() -> sim.actions("Challenge").size() == 1);

        // when the node stops mid-login, and Asterisk answers and then restarts
        client.close();
        client = null;
        sim.speak();
        sim.dropConnections();

        // then no connection of the closed client is left to log in or to reconnect on its own
        int accepted = sim.connectionsAccepted();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> sim.connectionsAccepted() == accepted && sim.loggedInSessions() == 0);
    }

    @Test
    void shouldNoticeAHalfOpenConnectionByPingTimeoutAndReconnect() {
        // given
        connectAndWait();
        // when: the socket stays open but Asterisk answers nothing
        sim.goSilent();
        // then
        await().atMost(Duration.ofSeconds(20)).until(() -> !client.isConnected());
        assertThat(events).filteredOn(AmiEvent.Disconnected.class::isInstance).hasSize(1);
        assertThat(client.lastError()).hasValueSatisfying(e -> assertThat(e).contains("ping"));
        sim.speak();
        await().atMost(Duration.ofSeconds(20)).until(() -> client.isConnected() && sim.successfulLogins() == 2);
        assertThat(sim.connectionsAccepted()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldSendQueuePauseForTheOperatorsInterface() throws Exception {
        // given
        connectAndWait();
        // when
        client.setPaused("PJSIP/op-ana", true, "break");
        client.setPaused("PJSIP/op-ana", false, "");
        // then
        assertThat(sim.actions("QueuePause")).hasSize(2);
        assertThat(sim.actions("QueuePause").get(0)).containsEntry("Interface", "PJSIP/op-ana")
                .containsEntry("Paused", "true").containsEntry("Reason", "break");
        assertThat(sim.actions("QueuePause").get(1)).containsEntry("Paused", "false");
        await().atMost(Duration.ofSeconds(20)).until(() -> events.stream()
                .filter(AmiEvent.MemberPaused.class::isInstance).count() == 2);
    }

    @Test
    void shouldReportRefusalWhenAsteriskDoesNotKnowTheInterface() {
        // given
        connectAndWait();
        // when / then
        assertThatThrownBy(() -> client.setPaused("PJSIP/op-nobody", true, ""))
                .isInstanceOfSatisfying(AmiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AmiException.Kind.REFUSED);
                    assertThat(e.getMessage()).contains("Interface not found");
                });
    }

    @Test
    void shouldRejectPauseRequestsWhileDisconnectedOrMalformed() {
        // given
        connect(config("wrong-secret"));
        // when / then
        assertThatThrownBy(() -> client.setPaused("PJSIP/op-ana", true, ""))
                .isInstanceOfSatisfying(AmiException.class,
                        e -> assertThat(e.kind()).isEqualTo(AmiException.Kind.NOT_CONNECTED));
        assertThatThrownBy(() -> client.setPaused("PJSIP/op-ana\r\nAction: Originate", true, ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(sim.actions("QueuePause")).isEmpty();
    }

    private <T extends AmiEvent> T only(Class<T> type) {
        List<T> matching = events.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }
}
