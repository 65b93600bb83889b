package org.hotline.ivr.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Bounded lines from a socket through a buffer of its own. The socket is touched only when the buffer is empty,
 * so a line costs no system call per byte (a {@code BufferedInputStream} asks the socket what is available on
 * every {@code available()}), and a deadline is checked only before a read that may block.
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

    SocketLines(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /** From now on a read that may block waits no longer than until {@code deadline} ({@link System#nanoTime}). */
    void until(long deadline) {
        this.deadlineNanos = deadline;
        this.timed = true;
    }

    /** Ends the deadline: each later read that blocks waits up to {@code timeoutMillis}. */
    void eachReadWithin(int timeoutMillis) throws IOException {
        timed = false;
        socket.setSoTimeout(timeoutMillis);
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
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        count = n;
        return true;
    }

    private String text(int length) {
        int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        return new String(line, 0, end, StandardCharsets.UTF_8);
    }
}
