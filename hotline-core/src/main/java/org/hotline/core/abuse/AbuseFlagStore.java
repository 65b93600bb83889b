package org.hotline.core.abuse;

import java.util.Optional;

/** Where flags are kept (MongoDB {@code abuse_flags}, one per caller hash); implementations block. */
public interface AbuseFlagStore {

    void put(AbuseFlag flag);

    Optional<AbuseFlag> get(String callerHash);

    /** Removes the flag; false when there was none. */
    boolean remove(String callerHash);
}
