package org.hotline.core.tip;

/** Re-encryption of stored tips under the active data key, in passes (see {@code ./hotline keys rotate}). */
public interface TipKeyRotation {

    /** What one pass did: tips re-encrypted, and tips left for a later pass (changed meanwhile, or unreadable). */
    record Progress(long reencrypted, long skipped) {}

    /** Runs one pass over every tip that still uses an old key, {@code batchSize} tips per query. */
    Progress pass(int batchSize);

    /** How many tips still hold values under a key other than the active one. */
    long remaining();
}
