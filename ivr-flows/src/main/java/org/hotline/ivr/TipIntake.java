package org.hotline.ivr;

/**
 * Where the IVR hands a captured tip. Implemented by hotline-core; the IVR never knows where tips go.
 */
public interface TipIntake {

    /**
     * Makes the tip durable and returns its receipt. Returns only once the tip is safe (journal fsync'd),
     * so the caller may be told the reference. Called on a thread of its own while the call plays the prompt
     * that leads to the reference (or to the operator, or the emergency line); may block.
     *
     * @throws IntakeUnavailableException when the tip cannot be made durable; the caller must not hear a
     *     reference then
     */
    TipReceipt accept(CapturedTip tip);
}
