package org.hotline.ivr.server.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * One accepted FastAGI connection as Asterisk-Java's reader and writer see it, plus what Asterisk-Java does not
 * check: whether the {@code agi_*} block was well formed and ended by a blank line, whether Asterisk announced a
 * hang-up, and whether it stopped answering. Lines are bounded so a peer cannot make us buffer without end. The
 * block is read first ({@link #readHeader}), within a time limit of its own, and then handed to Asterisk-Java's
 * reader line by line as if read from the socket. A problem with the block names a bad line's shape (length, key),
 * never its content: a caller's number can stand there.
 */
public final class CallSocket implements SocketConnectionFacade {

    static final int MAX_LINE_BYTES = 8 * 1024;
    static final int MAX_HEADER_LINES = 256;
    private static final int MAX_PROBLEMS_KEPT = 5;
    /** A key we may name in a log: a word, not digits that could be a caller's number. */
    private static final Pattern NAMEABLE_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,39}");

    private final Socket socket;
    private final SocketLines lines;
    private final OutputStream out;
    private boolean inHeader = true;
    private int headerLines;
    private final List<String> headerProblems = new CopyOnWriteArrayList<>();
    private final Deque<String> headerBlock = new ArrayDeque<>();
    private volatile boolean headerEnded;
    private volatile boolean hangupAnnounced;
    private volatile boolean timedOut;

    CallSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.lines = new SocketLines(socket);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 512);
    }

    /**
     * Reads the whole agi_ block, within {@code timeout} in all (a peer trickling bytes gets no more), and then
     * waits up to {@code readTimeout} for each later line.
     *
     * @return true when the block ended (a blank line, the end of the stream or a limit: see
     *     {@link #headerProblem()}); false when the time ran out or the connection failed first
     */
    boolean readHeader(Duration timeout, Duration readTimeout) {
        lines.until(System.nanoTime() + timeout.toNanos());
        try {
            while (inHeader) {
                String line = nextLine();
                if (line != null) {
                    headerBlock.add(line);
                }
            }
            lines.eachReadWithin(readTimeout);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Ends a read that has waited for Asterisk longer than the read timeout at {@code nowNanos} (the call then
     * fails as timed out); for the {@link ReadWatchdog}. Returns whether it ended one.
     */
    boolean expireIfWaitingSince(long nowNanos) {
        return lines.expireIfWaitingSince(nowNanos);
    }

    /** Lines of the agi_ block read so far (for a log line about a connection that never completed it). */
    int headerLines() {
        return headerLines;
    }

    @Override
    public String readLine() throws IOException {
        if (!headerBlock.isEmpty()) {
            return headerBlock.poll();
        }
        boolean reply = !inHeader;
        String line = nextLine();
        if (reply && line != null && line.startsWith("HANGUP")) {
            hangupAnnounced = true;
        }
        return line;
    }

    private String nextLine() throws IOException {
        String line = readBoundedLine();
        return inHeader ? headerLine(line) : line;
    }

    private String headerLine(String line) {
        if (line == null) {
            endHeader("the connection closed before the blank line ending the agi_ block", false);
        } else if (line.isEmpty()) {
            endHeader(null, true);
        } else if (++headerLines > MAX_HEADER_LINES) {
            endHeader("the agi_ block has more than " + MAX_HEADER_LINES + " lines", false);
            return "";
        } else if (!isHeaderVariable(line)) {
            problem("header line " + headerLines + " is not an agi_ variable (" + shape(line) + ")");
        }
        return line;
    }

    /**
     * Whether a line of the agi_ block is a variable: {@code agi_}, a name of lower-case letters, digits and
     * underscores, a colon, and a value without line terminators (what {@code agi_[a-z0-9_]+: ?.*} matches). Plain
     * character work, not a regular expression: every call's block has some twenty of these lines.
     */
    static boolean isHeaderVariable(String line) {
        int colon = line.indexOf(':');
        if (!line.startsWith("agi_") || colon <= 4) {
            return false;
        }
        for (int i = 4; i < colon; i++) {
            char c = line.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        for (int i = colon + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    private String readBoundedLine() throws IOException {
        if (timedOut) {
            throw new SocketTimeoutException("Asterisk stopped answering earlier on this call");
        }
        try {
            String line = lines.readLine(MAX_LINE_BYTES);
            return lines.overlong() ? overlong() : line;
        } catch (SocketTimeoutException e) {
            timedOut = true;
            throw e;
        }
    }

    private String overlong() throws IOException {
        if (inHeader) {
            endHeader("an agi_ line is longer than " + MAX_LINE_BYTES + " bytes", false);
            return "";
        }
        throw new IOException("a reply line is longer than " + MAX_LINE_BYTES + " bytes");
    }

    private void endHeader(String problem, boolean blankLineSeen) {
        if (problem != null) {
            problem(problem);
        }
        inHeader = false;
        headerEnded = blankLineSeen;
    }

    private void problem(String text) {
        if (headerProblems.size() < MAX_PROBLEMS_KEPT) {
            headerProblems.add(text);
        }
    }

    /** Every reason the agi_ block cannot be used (the first few), or null when it was well formed. */
    public String headerProblem() {
        return headerProblems.isEmpty() ? null : String.join("; ", headerProblems);
    }

    /** Whether a blank line ended the agi_ block, i.e. the peer is waiting for commands. */
    public boolean headerEnded() {
        return headerEnded;
    }

    /** Whether Asterisk sent the unrequested {@code HANGUP} line (the caller or the channel hung up). */
    public boolean hangupAnnounced() {
        return hangupAnnounced;
    }

    /** Whether a read timed out; every later read fails at once instead of waiting again. */
    public boolean timedOut() {
        return timedOut;
    }

    /** What a bad line looks like without what it says: its length and its key, if that is a plain word. */
    private static String shape(String line) {
        int colon = line.indexOf(':');
        String key = colon < 0 ? null : line.substring(0, colon);
        return line.length() + " characters, " + (key != null && NAMEABLE_KEY.matcher(key).matches()
                ? "key '" + key + "'" : "no key");
    }

    @Override
    public void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    @Override
    public boolean isConnected() {
        return socket.isConnected() && !socket.isClosed();
    }

    @Override
    public InetAddress getLocalAddress() {
        return socket.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        return socket.getLocalPort();
    }

    @Override
    public InetAddress getRemoteAddress() {
        return socket.getInetAddress();
    }

    @Override
    public int getRemotePort() {
        return socket.getPort();
    }
}
