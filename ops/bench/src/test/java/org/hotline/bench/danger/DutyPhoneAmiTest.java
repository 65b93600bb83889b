package org.hotline.bench.danger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.DefaultManagerConnection;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.junit.jupiter.api.Test;

/** The bench's AMI endpoint against Asterisk-Java's own manager connection, over TCP, as the node uses it. */
class DutyPhoneAmiTest {

    @Test
    void shouldTimeTheOriginateOfAReferenceAndAnswerItAsAnAnsweredAsyncCall() throws Exception {
        // given
        try (DutyPhoneAmi ami = DutyPhoneAmi.start("bench", "s3cret")) {
            DefaultManagerConnection manager = new DefaultManagerConnection("127.0.0.1", ami.port(), "bench", "s3cret");
            manager.login();
            try {
                OriginateAction ring = new OriginateAction();
                ring.setChannel("PJSIP/duty-officer");
                ring.setContext("hotline-duty-officer");
                ring.setExten("s");
                ring.setPriority(1);
                ring.setTimeout(30_000L);
                ring.setAsync(true);
                ring.setVariables(Map.of("HOTLINE_REFERENCE", "123456789", "HOTLINE_DUTY_CALL", "abc"));
                long before = System.nanoTime();

                // when
                ResponseEvents answer = manager.sendEventGeneratingAction(ring, 5_000);

                // then
                assertThat(answer.getEvents()).filteredOn(OriginateResponseEvent.class::isInstance).singleElement()
                        .satisfies(e -> assertThat(((OriginateResponseEvent) e).getResponse()).isEqualTo("Success"));
                assertThat(ami.originateArrival("123456789")).isNotNull().isGreaterThanOrEqualTo(before);
                assertThat(ami.originates()).isEqualTo(1);
            } finally {
                manager.logoff();
            }
        }
    }

    @Test
    void shouldRefuseAManagerWithTheWrongSecret() {
        try (DutyPhoneAmi ami = DutyPhoneAmi.start("bench", "s3cret")) {
            DefaultManagerConnection manager = new DefaultManagerConnection("127.0.0.1", ami.port(), "bench", "wrong");
            assertThatThrownBy(manager::login).isInstanceOf(AuthenticationFailedException.class);
            assertThat(ami.originates()).isZero();
        }
    }
}
