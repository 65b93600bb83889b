package org.hotline.core.e2e;

import org.hotline.ivr.sim.CallerScript;

/** Caller scripts for the shipped hotline flow. */
public final class Calls {

    private Calls() {}

    /**
     * An English report of forced labour in region MO of Liberians, no child, nobody in danger, no recording, no callback,
     * consent to share with services and statistics; the caller listens to the reference and hangs up.
     */
    public static CallerScript forcedLabourReport() {
        return CallerScript.pressing("1").silence() // English, listen to the notice
                .press("1")                          // report a situation
                .press("1").press("1")               // forced labour, first region
                .press("2")                          // the people are from Liberia
                .press("2").press("2")               // no child, nobody in danger now
                .press("2")                          // no recording
                .press("2")                          // no callback
                .press("2").press("1").press("1")    // police identity no, services yes, statistics yes
                .silence().silence().silence();      // hear the reference and PIN, no repeat
    }
}
