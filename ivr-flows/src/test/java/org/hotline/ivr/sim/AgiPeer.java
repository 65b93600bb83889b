package org.hotline.ivr.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The script side of one FastAGI connection, driven line by line by a test of the simulator. */
final class AgiPeer implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;
    private final Map<String, String> header = new LinkedHashMap<>();

    private AgiPeer(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(10_000);
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.out = socket.getOutputStream();
        String line;
        while ((line = in.readLine()) != null && !line.isEmpty()) {
            int colon = line.indexOf(": ");
            header.put(line.substring(0, colon), line.substring(colon + 2));
        }
    }

    static AgiPeer accept(ServerSocket server) throws IOException {
        server.setSoTimeout(10_000);
        return new AgiPeer(server.accept());
    }

    Map<String, String> header() {
        return header;
    }

    /** Sends one command and returns every reply line up to and including the final status line. */
    List<String> send(String command) throws IOException {
        out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        List<String> lines = new ArrayList<>();
        boolean usage = false;
        String line;
        while ((line = in.readLine()) != null) {
            lines.add(line);
            usage |= line.startsWith("520-");
            boolean more = line.equals("HANGUP") || (usage && !line.startsWith("520 "));
            if (!more) {
                break;
            }
        }
        return lines;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
