package org.hotline.core.testsupport.mongo;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A TCP proxy between the MongoDB driver and a server that can lose the server's answer to a command: the command
 * reaches the server and is done there, and the driver's connection breaks before the answer arrives (what a
 * network blip or a timeout does). Messages are relayed whole, as the wire protocol frames them (a little-endian
 * length first).
 */
public final class ReplyDroppingProxy implements AutoCloseable {

    private final ServerSocket listening;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger dropsLeft = new AtomicInteger();
    private volatile byte[] dropMarker = new byte[0];

    private ReplyDroppingProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon(true).name("mongo-proxy-accept").start(this::accept);
    }

    /** Starts a proxy to {@code host:port}. */
    public static ReplyDroppingProxy to(String host, int port) throws IOException {
        return new ReplyDroppingProxy(host, port);
    }

    public int port() {
        return listening.getLocalPort();
    }

    /**
     * The next command on {@code collection} named {@code command} (e.g. {@code insert} on {@code referrals}) is
     * done by the server, but its answer never reaches the driver: the driver's connection is closed instead.
     */
    public void loseNextAnswerTo(String command, String collection) {
        // BSON of the command's first element: type 0x02 (string), the name, its length, the collection's name
        byte[] name = (command + "\0").getBytes(StandardCharsets.UTF_8);
        byte[] value = (collection + "\0").getBytes(StandardCharsets.UTF_8);
        byte[] marker = new byte[1 + name.length + 4 + value.length];
        marker[0] = 0x02;
        System.arraycopy(name, 0, marker, 1, name.length);
        int length = value.length;
        for (int i = 0; i < 4; i++) {
            marker[1 + name.length + i] = (byte) (length >>> (8 * i));
        }
        System.arraycopy(value, 0, marker, 1 + name.length + 4, value.length);
        dropMarker = marker;
        dropsLeft.set(1);
    }

    /** Whether the answer asked for by {@link #loseNextAnswerTo} was lost already. */
    public boolean lost() {
        return dropsLeft.get() == 0 && dropMarker.length > 0;
    }

    private void accept() {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Socket server = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(server);
                AtomicBoolean loseNext = new AtomicBoolean();
                // client to server: marks the connection when the command whose answer is to be lost passes
                relay(client, server, request -> {
                    if (contains(request, dropMarker) && dropsLeft.compareAndSet(1, 0)) {
                        loseNext.set(true);
                    }
                    return false;
                });
                // server to client: on a marked connection the answer (done by the server) is swallowed and the
                // driver's connection breaks instead
                relay(server, client, answer -> loseNext.get());
            } catch (IOException e) {
                return;
            }
        }
    }

    /**
     * Relays whole messages from {@code from} to {@code to} on a thread of its own until either side goes away;
     * a message for which {@code cut} says true is not passed on, and both sockets are closed instead.
     */
    private static void relay(Socket from, Socket to, Predicate<byte[]> cut) {
        Thread.ofPlatform().daemon(true).name("mongo-proxy").start(() -> {
            try {
                DataInputStream in = new DataInputStream(from.getInputStream());
                OutputStream out = to.getOutputStream();
                while (true) {
                    byte[] message = message(in);
                    if (cut.test(message)) {
                        break;
                    }
                    out.write(message);
                    out.flush();
                }
            } catch (IOException e) {
                // either side went away
            }
            closeBoth(from, to);
        });
    }

    private static void closeBoth(Socket a, Socket b) {
        try {
            a.close();
        } catch (IOException e) {
            // closing anyway
        }
        try {
            b.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private static byte[] message(DataInputStream in) throws IOException {
        byte[] head = new byte[4];
        in.readFully(head);
        int length = (head[0] & 0xff) | (head[1] & 0xff) << 8 | (head[2] & 0xff) << 16 | (head[3] & 0xff) << 24;
        if (length < 16 || length > 48 * 1024 * 1024) {
            throw new IOException("not a MongoDB message: length " + length);
        }
        byte[] message = new byte[length];
        System.arraycopy(head, 0, message, 0, 4);
        in.readFully(message, 4, length - 4);
        return message;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        if (needle.length == 0) {
            return false;
        }
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        listening.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
