package org.hotline.core.tip;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.hotline.ivr.CapturedTip;

/**
 * What intake knows of a tip it just accepted, before it is sealed ({@link TipRepository#seal}).
 *
 * @param pinHash the keyed hash of the caller's PIN, bound to the reference
 * @param callerHash the keyed hash of the calling number, null when there is none
 * @param extra non-personal top-level values (the source, who took an operator's call); personal values belong
 *     in the capture, where they are encrypted
 */
public record NewTip(String tipId, String reference, String pinHash, String callerHash, CapturedTip capture,
        Instant receivedAt, String nodeId, Map<String, Object> extra) {

    public NewTip {
        Objects.requireNonNull(tipId, "tipId");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(capture, "capture");
        Objects.requireNonNull(receivedAt, "receivedAt");
        extra = Map.copyOf(extra);
    }
}
