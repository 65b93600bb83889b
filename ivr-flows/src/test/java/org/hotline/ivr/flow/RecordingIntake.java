package org.hotline.ivr.flow;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hotline.ivr.CapturedTip;
import org.hotline.ivr.IntakeUnavailableException;
import org.hotline.ivr.TipIntake;
import org.hotline.ivr.TipReceipt;

/** Intake for flow tests: keeps every tip handed over, answers a fixed receipt, or is unavailable. */
final class RecordingIntake implements TipIntake {

    static final TipReceipt RECEIPT = new TipReceipt("4729183", "0461");

    private final List<CapturedTip> tips = new CopyOnWriteArrayList<>();
    private volatile boolean available = true;
    private volatile CountDownLatch entered;
    private volatile CountDownLatch release;

    @Override
    public TipReceipt accept(CapturedTip tip) {
        if (!available) {
            throw new IntakeUnavailableException("journal disk full (test)", null);
        }
        tips.add(tip);
        if (release != null) {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return RECEIPT;
    }

    /** Makes the next accept wait until {@code release} opens, counting {@code entered} down when it starts. */
    void hold(CountDownLatch enteredLatch, CountDownLatch releaseLatch) {
        entered = enteredLatch;
        release = releaseLatch;
    }

    void unavailable() {
        available = false;
    }

    List<CapturedTip> tips() {
        return List.copyOf(tips);
    }
}
