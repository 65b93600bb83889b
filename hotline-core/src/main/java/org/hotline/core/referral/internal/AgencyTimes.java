package org.hotline.core.referral.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as an agency's focal point reads them in a notice: the hotline's own time zone, day and month in words,
 * 24-hour clock and the zone's short name ("Thu 3 Dec 14:00 GMT"), short enough for one SMS.
 */
final class AgencyTimes {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("EEE d MMM HH:mm zzz", Locale.ENGLISH);

    private AgencyTimes() {}

    static String format(Instant at, ZoneId zone) {
        return at == null ? "-" : FORMAT.format(at.atZone(zone));
    }
}
