package org.hotline.core.telephony;

import java.util.List;

/** Where live hand-overs are kept (MongoDB {@code live_handovers}); implementations block. */
public interface LiveHandovers {

    void record(LiveHandover handover);

    /** The hand-overs of one referral, oldest first. */
    List<LiveHandover> forReferral(String referralId);
}
