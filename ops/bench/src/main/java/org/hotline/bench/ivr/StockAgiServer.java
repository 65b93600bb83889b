package org.hotline.bench.ivr;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.command.AbstractAgiCommand;

/**
 * The second baseline: Asterisk-Java's stock {@link DefaultAgiServer} with its default settings (pool core 10,
 * max 500, SynchronousQueue) running a trivial script that sends the same commands a real hotline call sent.
 * Only the port and the loopback address are set. Beyond 500 calls at once it closes the connection.
 */
final class StockAgiServer implements AutoCloseable {

    private final DefaultAgiServer server;
    private final int port;

    StockAgiServer(List<String> commands) throws IOException {
        this.port = freePort();
        this.server = new DefaultAgiServer(new ReplayScript(List.copyOf(commands)));
        server.setPort(port);
        server.setAddress(InetAddress.getLoopbackAddress());
        Thread.ofPlatform().name("stock-agi").daemon(true).start(() -> {
            try {
                server.startup();
            } catch (IOException | IllegalStateException e) {
                System.err.println("stock DefaultAgiServer stopped: " + e);
            }
        });
        awaitListening();
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        server.shutdown();
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    /**
     * The stock server does not say when it listens. Connecting would make a stray call, and binding the port
     * to see whether it is taken can steal it from the server at the wrong moment; so this reads the kernel's
     * socket table instead and waits for a listening socket on the port.
     */
    private void awaitListening() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (listening(port)) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        throw new IOException("the stock DefaultAgiServer did not listen on port " + port + " within 10 s");
    }

    /** True when {@code /proc/net/tcp} or {@code tcp6} lists a socket in state LISTEN (0A) on {@code port}. */
    static boolean listening(int port) throws IOException {
        String local = ":%04X ".formatted(port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.isReadable(path)) {
                continue;
            }
            for (String line : Files.readAllLines(path)) {
                String[] cols = line.trim().split("\\s+");
                if (cols.length > 3 && (cols[1] + " ").endsWith(local) && cols[3].equals("0A")) {
                    return true;
                }
            }
        }
        return false;
    }

    private record ReplayScript(List<String> commands) implements AgiScript {
        @Override
        public void service(AgiRequest request, AgiChannel channel) throws AgiException {
            for (String command : commands) {
                channel.sendCommand(new RawCommand(command));
            }
        }
    }

    /** A command line sent as is. */
    private static final class RawCommand extends AbstractAgiCommand {
        private final String line;

        RawCommand(String line) {
            this.line = line;
        }

        @Override
        public String buildCommand() {
            return line;
        }
    }
}
