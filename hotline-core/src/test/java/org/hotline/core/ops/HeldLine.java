package org.hotline.core.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A TCP relay for one call between the Asterisk simulator and a node's FastAGI port that holds back what the
 * node says until {@link #release()}: the call is then reliably in progress (the node waits for its first
 * reply) for as long as a test needs, without timing assumptions.
 */
final class HeldLine implements AutoCloseable {

    private final ServerSocket listener;
    private final CountDownLatch released = new CountDownLatch(1);

    HeldLine(int targetPort) throws IOException {
        this.listener = new ServerSocket(0);
        Thread.ofVirtual().start(() -> relay(targetPort));
    }

    /** The port the simulator calls instead of the node's. */
    int port() {
        return listener.getLocalPort();
    }

    /** Lets the node's commands through from now on. */
    void release() {
        released.countDown();
    }

    private void relay(int targetPort) {
        try (Socket caller = listener.accept(); Socket node = new Socket("127.0.0.1", targetPort)) {
            Thread up = Thread.ofVirtual().start(() -> copy(caller, node, false));
            copy(node, caller, true);
            up.join();
        } catch (IOException | InterruptedException e) {
            // the call ended or the test closed the line
        }
    }

    private void copy(Socket from, Socket to, boolean held) {
        byte[] buffer = new byte[8192];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (held && !released.await(60, TimeUnit.SECONDS)) {
                    return;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException | InterruptedException e) {
            // one side closed; the other copy ends by itself
        }
    }

    @Override
    public void close() throws IOException {
        released.countDown();
        listener.close();
    }
}
