package org.hotline.ivr.flow;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests set to a chosen instant (opening hours, holidays). */
final class MutableClock extends Clock {

    /** A Tuesday at 10:00 in Monrovia (UTC+0): the hotline is open. */
    static final Instant OPEN = Instant.parse("2026-11-24T10:00:00Z");
    /** The same Tuesday at 23:00: closed. */
    static final Instant CLOSED = Instant.parse("2026-11-24T23:00:00Z");

    private volatile Instant now = OPEN;

    void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
