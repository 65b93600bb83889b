package org.hotline.bench.ivr;

import org.hotline.ivr.sim.CallerScript;

/** The caller every benchmark call plays: a full report through the shipped hotline flow. */
public final class ReportCall {

    private ReportCall() {}

    /**
     * English, forced labour in the first region, no child, nobody in danger, no recording, no callback,
     * shares with services and statistics only, listens to the reference and PIN once.
     */
    public static CallerScript script() {
        return CallerScript.pressing("1").silence()
                .press("1")
                .press("1").press("1").press("2")
                .press("2").press("2")
                .press("2")
                .press("2")
                .press("2").press("1").press("1")
                .silence().silence().silence();
    }
}
