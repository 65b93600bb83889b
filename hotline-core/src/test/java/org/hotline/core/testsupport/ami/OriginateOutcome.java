package org.hotline.core.testsupport.ami;

import java.util.Optional;

/**
 * How a simulated {@code Originate} ends. {@code reason} is Asterisk's dial cause as AMI reports it in
 * {@code OriginateResponse} (4 answered, 3 no answer, 5 busy, 8 congestion). When the call is answered and
 * {@code keyPressed} is present, the simulated dialplan then reports the key with a
 * {@code UserEvent: HotlineDutyAnswer} carrying the originate's {@code HOTLINE_DUTY_CALL} variable.
 */
public record OriginateOutcome(int reason, Optional<String> keyPressed) {

    public static OriginateOutcome answered() {
        return new OriginateOutcome(4, Optional.empty());
    }

    public static OriginateOutcome answeredPressing(String key) {
        return new OriginateOutcome(4, Optional.of(key));
    }

    public static OriginateOutcome noAnswer() {
        return new OriginateOutcome(3, Optional.empty());
    }

    public static OriginateOutcome busy() {
        return new OriginateOutcome(5, Optional.empty());
    }

    boolean isAnswered() {
        return reason == 4;
    }
}
