package org.hotline.core.abuse;

import java.time.Instant;

/**
 * A calling number flagged for repeated abusive or prank calls, by its keyed hash (never the number), until
 * {@code until}. A flagged call is never dropped or treated differently by the IVR (a victim may call from a flagged
 * phone); the operator only sees a warning.
 */
public record AbuseFlag(String callerHash, Instant until, String by, Instant at) {}
