package org.hotline.bench.danger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

/**
 * A loopback TCP relay between the simulated Asterisk and the node's FastAGI port that notices the moment the
 * caller's key goes out: the reply line carrying a {@code 9} ({@code 200 result=57}, or {@code 200 result=9} for
 * {@code GET DATA}) on its way to the node. That moment is when the caller pressed the danger key, taken on the
 * {@link System#nanoTime()} clock of the harness, the same clock the police receiver and the AMI endpoint time
 * their arrivals on. Bytes pass through unchanged, written before the listener is told.
 */
final class KeyTap implements AutoCloseable {

    /** The reply carrying a 9: its ASCII code after a prompt or WAIT FOR DIGIT, the digits after GET DATA. */
    private static final Pattern NINE = Pattern.compile("^200 result=(57|9)(\\s.*)?$");

    private final ServerSocket server;
    private final int target;
    private final LongConsumer pressed;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private KeyTap(int target, LongConsumer pressed) throws IOException {
        this.target = target;
        this.pressed = pressed;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("key-tap-accept").start(this::accept);
    }

    /** Relays to {@code targetPort} on loopback, telling {@code pressed} when a {@code 9} is sent to it. */
    static KeyTap start(int targetPort, LongConsumer pressed) {
        try {
            return new KeyTap(targetPort, pressed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        sockets.forEach(KeyTap::closeQuietly);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket caller = server.accept();
                Socket node = new Socket(InetAddress.getLoopbackAddress(), target);
                caller.setTcpNoDelay(true);
                node.setTcpNoDelay(true);
                sockets.add(caller);
                sockets.add(node);
                Thread.ofVirtual().start(() -> pump(node, caller, false));
                Thread.ofVirtual().start(() -> pump(caller, node, true));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Copies {@code from} to {@code to}; on the caller's side, watches for the danger key's reply. */
    private void pump(Socket from, Socket to, boolean callerSide) {
        byte[] buffer = new byte[8192];
        StringBuilder line = new StringBuilder();
        try (from; to) {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                out.flush();
                if (!callerSide) {
                    continue;
                }
                long sent = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    if (buffer[i] != '\n') {
                        line.append((char) buffer[i]);
                        continue;
                    }
                    if (NINE.matcher(line.toString().strip()).matches()) {
                        pressed.accept(sent);
                    }
                    line.setLength(0);
                }
            }
        } catch (IOException e) {
            // one side hung up; closing both ends the other pump
        } finally {
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
