package org.hotline.core.ami;

/**
 * Receives AMI events on a thread of its own, never on the connection's reader thread: a slow listener only
 * delays itself. Each listener has a bounded queue; when it is full, new events for that listener are dropped
 * and counted ({@code hotline_ami_events_dropped_total}) rather than stalling the reader.
 */
@FunctionalInterface
public interface AmiListener {

    void onEvent(AmiEvent event);
}
