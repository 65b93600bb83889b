package org.hotline.bench.ivr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The floor of the IVR benchmark: a FastAGI server with no logic at all. Each connection gets a virtual
 * thread that reads the header block, then sends a fixed list of commands (those a real hotline call sent),
 * reading one reply per command without looking at it, and closes. Whatever the real server costs above this
 * is the price of the flow engine, Asterisk-Java and intake.
 */
final class RawFloorServer implements AutoCloseable {

    private final List<String> commands;
    private final ServerSocket socket;
    private final Thread acceptor;

    RawFloorServer(List<String> commands) throws IOException {
        this.commands = List.copyOf(commands);
        this.socket = new ServerSocket(0, 4_096, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofPlatform().name("floor-accept").daemon(true).start(this::acceptLoop);
    }

    int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket call = socket.accept();
                Thread.ofVirtual().start(() -> serve(call));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket call) {
        try (call) {
            BufferedReader in = new BufferedReader(new InputStreamReader(call.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = call.getOutputStream();
            String line;
            do {
                line = in.readLine();
            } while (line != null && !line.isEmpty());
            for (String command : commands) {
                if (line == null) {
                    return;
                }
                out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                line = readReply(in);
            }
        } catch (IOException e) {
            // The caller went away; nothing to clean up beyond the socket.
        }
    }

    /** One reply: skips an unrequested HANGUP line and the continuation lines of a multi-line 520 reply. */
    private static String readReply(BufferedReader in) throws IOException {
        String line = in.readLine();
        while (line != null && (line.startsWith("HANGUP") || line.startsWith("520-"))) {
            line = in.readLine();
        }
        return line;
    }
}
