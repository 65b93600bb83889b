package org.hotline.ivr;

/**
 * What the follow-up flow needs from the tip store: check a reference and PIN, and attach more information.
 * Implemented by hotline-core. The lock after repeated wrong PINs lives behind this interface so that it holds
 * across calls; the flow only reacts to the answer.
 */
public interface FollowUpDesk {

    /**
     * Checks a reference and PIN. A wrong PIN counts towards the lock of that reference; a locked reference
     * answers {@link FollowUpAnswer.Locked} whatever the PIN; {@link FollowUpAnswer.Unavailable} when the tips
     * cannot be checked now.
     */
    FollowUpAnswer lookup(String reference, String pin);

    /**
     * As {@link #lookup(String, String)}, with the calling number (or null) so that the desk can also limit
     * wrong PINs per caller across references. The number must not be stored or logged in clear.
     */
    default FollowUpAnswer lookup(String reference, String pin, String callerNumber) {
        return lookup(reference, pin);
    }

    /**
     * Attaches a recording made on a follow-up call to the tip with that reference. Called only after a
     * successful {@link #lookup} in the same call.
     *
     * @param recording the recording's file reference on the Asterisk server
     * @param language the language the caller used
     * @throws IntakeUnavailableException when the addition cannot be made durable
     */
    void addRecording(String reference, String recording, String language);
}
