package org.hotline.ivr.text;

import org.hotline.ivr.CapturedTip;
import org.hotline.ivr.TipReceipt;

/** Where a text session hands its tip: the host's intake, told which channel the tip came by. */
@FunctionalInterface
public interface TextIntake {

    /**
     * Makes the tip durable, as {@link org.hotline.ivr.TipIntake#accept} does for a call.
     *
     * @param channel {@code sms} or {@code chat}
     * @throws org.hotline.ivr.IntakeUnavailableException when it cannot; the sender then gets no reference
     */
    TipReceipt accept(String channel, CapturedTip tip);
}
