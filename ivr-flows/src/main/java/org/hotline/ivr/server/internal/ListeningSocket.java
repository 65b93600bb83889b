package org.hotline.ivr.server.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.asteriskjava.util.ServerSocketFacade;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * The listening socket handed to Asterisk-Java's accept loop. Unlike the stock one it reports the bound port
 * (port 0 works), takes a configurable backlog, and hands each accepted {@link CallSocket} to
 * {@link #takeAccepted()}: the accept loop calls {@code accept()} and then {@code execute(handler)} on the same
 * thread, so the socket just accepted is the one that handler will serve.
 */
final class ListeningSocket implements ServerSocketFacade {

    private final ServerSocket server;
    private volatile int readTimeoutMillis;
    private CallSocket lastAccepted;

    ListeningSocket(InetAddress address, int port, int backlog, int readTimeoutMillis) throws IOException {
        this.server = new ServerSocket(port, backlog, address);
        this.readTimeoutMillis = readTimeoutMillis;
    }

    int port() {
        return server.getLocalPort();
    }

    @Override
    public SocketConnectionFacade accept() throws IOException {
        Socket socket = server.accept();
        try {
            socket.setSoTimeout(readTimeoutMillis);
            socket.setTcpNoDelay(true);
            lastAccepted = new CallSocket(socket);
            return lastAccepted;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** The socket accepted last on the accept thread; called from that thread only. */
    CallSocket takeAccepted() {
        CallSocket socket = lastAccepted;
        lastAccepted = null;
        return socket;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    @Override
    public void setSocketReadTimeout(int millis) {
        this.readTimeoutMillis = millis;
    }
}
