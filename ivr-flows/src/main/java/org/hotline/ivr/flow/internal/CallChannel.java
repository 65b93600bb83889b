package org.hotline.ivr.flow.internal;

/**
 * The few things a flow does with a call. Every method throws {@link CallerHungUp} when the caller is gone.
 * A key is returned as a char, {@code 0} meaning none.
 */
interface CallChannel {

    /** Plays a sound file; a key in {@code escapeDigits} stops it and is returned. */
    char play(String file, String escapeDigits);

    /** Waits up to {@code timeoutMs} for one key. */
    char waitForDigit(int timeoutMs);

    /** Plays {@code file} and collects up to {@code maxDigits} keys ({@code #} ends early); "" on silence. */
    String collect(String file, int timeoutMs, int maxDigits);

    /** Records to {@code path} (wav) after a beep until {@code #}, silence or the length limit. */
    void record(String path, int maxSeconds, int silenceSeconds);

    /** Says digits (or letters) one by one in the channel's language; a key in {@code escapeDigits} stops it. */
    char sayDigits(String digits, String escapeDigits);

    void setVariable(String name, String value);

    void answer();

    void hangup();
}
