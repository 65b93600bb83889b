package org.hotline.pathway.model;

import java.time.Duration;
import org.hotline.pathway.Recipient.Priority;

/** Values a referral takes when it does not give its own priority or acknowledgement deadline. */
public record Defaults(Priority priority, Duration acknowledgeWithin) {

    public static final Defaults STANDARD = new Defaults(Priority.NORMAL, Duration.ofDays(3));
}
