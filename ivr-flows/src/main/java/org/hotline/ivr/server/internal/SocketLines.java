package org.hotline.ivr.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * Bounded lines from a socket through a buffer of its own. The socket is touched only when the buffer is empty,
 * so a line costs no system call per byte (a {@code BufferedInputStream} asks the socket what is available on
 * every {@code available()}), and a deadline is checked only before a read that may block.
 *
 * <p>Two ways to bound a read. Until {@link #eachReadWithin} the socket's own timeout does it (the agi_ block, read
 * once per call). After it, a read arms no timer: it notes when it began to wait, and a {@link ReadWatchdog} that
 * finds it waiting too long calls {@link #expireIfWaitingSince}, which shuts the socket's input so the read ends.
 * A timed read on a virtual thread schedules and cancels a wake-up with the JDK's delay scheduler, two hand-offs
 * to another thread for every command of every call; one scan a second for all calls costs less.
 */
final class SocketLines {

    private final Socket socket;
    private final InputStream in;
    private final byte[] buffer = new byte[2048];
    private int pos;
    private int count;
    private byte[] line = new byte[128];
    private boolean overlong;
    private boolean timed;
    private long deadlineNanos;
    private static final long NOT_WAITING = Long.MIN_VALUE;
    /** Since when a read watched by the watchdog has been waiting ({@link System#nanoTime}), or NOT_WAITING. */
    private volatile long waitingSince = NOT_WAITING;
    private volatile boolean watched;
    private volatile boolean expired;
    private long readTimeoutNanos;

    SocketLines(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /** From now on a read that may block waits no longer than until {@code deadline} ({@link System#nanoTime}). */
    void until(long deadline) {
        this.deadlineNanos = deadline;
        this.timed = true;
    }

    /**
     * Ends the deadline: each later read that blocks waits up to {@code timeout}, as the watchdog that calls
     * {@link #expireIfWaitingSince} sees it (the socket's own timeout is off from now on).
     */
    void eachReadWithin(Duration timeout) throws IOException {
        timed = false;
        readTimeoutNanos = timeout.toNanos();
        socket.setSoTimeout(0);
        watched = true;
    }

    /**
     * Ends the read under way if it has been waiting longer than its timeout at {@code nowNanos}: the socket's
     * input is shut, so the read returns and fails with a {@link SocketTimeoutException}, as does every later read.
     * The output stays open: a status can still be sent to the peer. Returns whether it ended one.
     */
    boolean expireIfWaitingSince(long nowNanos) {
        long since = waitingSince;
        if (!watched || expired || since == NOT_WAITING || nowNanos - since <= readTimeoutNanos) {
            return false;
        }
        expired = true;
        try {
            socket.shutdownInput();
        } catch (IOException e) {
            // already closed: the read has ended anyway
        }
        return true;
    }

    /**
     * The next line without its line end ({@code \n}, or {@code \r\n}); null at the end of the stream. A line longer
     * than {@code max} bytes is cut there and {@link #overlong()} says so (the rest of it is left unread).
     */
    String readLine(int max) throws IOException {
        overlong = false;
        int length = 0;
        while (true) {
            if (pos == count && !fill()) {
                return length == 0 ? null : text(length);
            }
            byte b = buffer[pos++];
            if (b == '\n') {
                return text(length);
            }
            if (length == max) {
                overlong = true;
                return text(length);
            }
            if (length == line.length) {
                line = Arrays.copyOf(line, Math.min(max, line.length * 2));
            }
            line[length++] = b;
        }
    }

    /** Whether the last line was cut at its maximum. */
    boolean overlong() {
        return overlong;
    }

    private boolean fill() throws IOException {
        if (timed) {
            long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new SocketTimeoutException("the agi_ block did not arrive in time");
            }
            socket.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
        }
        int n = watched ? watchedRead() : in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        count = n;
        return true;
    }

    /** Whether a watched read is waiting for the peer now. */
    boolean waiting() {
        return waitingSince != NOT_WAITING;
    }

    private int watchedRead() throws IOException {
        if (expired) {
            throw expiredRead();
        }
        waitingSince = System.nanoTime();
        int n;
        try {
            n = in.read(buffer, 0, buffer.length);
        } catch (IOException e) {
            throw expired ? expiredRead() : e;
        } finally {
            waitingSince = NOT_WAITING;
        }
        if (n <= 0 && expired) {
            throw expiredRead();
        }
        return n;
    }

    private SocketTimeoutException expiredRead() {
        return new SocketTimeoutException("no reply within " + Duration.ofNanos(readTimeoutNanos));
    }

    private String text(int length) {
        int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        return new String(line, 0, end, StandardCharsets.UTF_8);
    }
}
