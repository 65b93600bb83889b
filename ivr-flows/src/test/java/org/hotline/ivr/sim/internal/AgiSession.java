package org.hotline.ivr.sim.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hotline.ivr.sim.CallResult;
import org.hotline.ivr.sim.CallResult.SessionEnd;
import org.hotline.ivr.sim.CallSetup;
import org.hotline.ivr.sim.CallerScript;
import org.hotline.ivr.sim.SimulatorOptions;

/**
 * One FastAGI session seen from the Asterisk side: connect, send the header block, then answer each command
 * line until the script closes the socket. Blocking I/O, meant to run on its own (virtual) thread.
 */
public final class AgiSession {

    private static final CommandTable COMMANDS = new CommandTable();

    private final String host;
    private final int port;
    private final SimulatorOptions options;

    public AgiSession(String host, int port, SimulatorOptions options) {
        this.host = host;
        this.port = port;
        this.options = options;
    }

    /**
     * Places one call.
     *
     * @param header the exact bytes to send before the first command (a well-formed block or a malformed one)
     * @param closeOutputAfterHeader whether to half-close after the header, as an Asterisk that died would
     */
    public CallResult run(CallSetup setup, CallerScript script, String header, boolean closeOutputAfterHeader) {
        CallState call = new CallState(setup, script, options);
        try (Socket socket = new Socket()) {
            try {
                socket.connect(new InetSocketAddress(host, port), (int) options.connectTimeout().toMillis());
            } catch (IOException e) {
                return call.result(SessionEnd.NOT_CONNECTED);
            }
            socket.setSoTimeout((int) options.idleTimeout().toMillis());
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8), 1024);
            out.write(header.getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (closeOutputAfterHeader) {
                socket.shutdownOutput();
            }
            return call.result(converse(call, in, closeOutputAfterHeader ? null : out));
        } catch (SocketTimeoutException e) {
            call.violation(CallResult.Violation.Kind.IDLE_TIMEOUT, "no command within " + options.idleTimeout());
            return call.result(SessionEnd.IDLE_TIMEOUT);
        } catch (IOException e) {
            return call.result(SessionEnd.CONNECTION_LOST);
        }
    }

    private SessionEnd converse(CallState call, BufferedReader in, OutputStream out) throws IOException {
        long lastSent = System.nanoTime();
        String line;
        while ((line = in.readLine()) != null) {
            long arrived = System.nanoTime();
            Duration turnaround = Duration.ofNanos(arrived - lastSent);
            if (call.commandNumber >= options.maxCommands()) {
                call.violation(CallResult.Violation.Kind.COMMAND_LIMIT, "more than " + options.maxCommands());
                return SessionEnd.COMMAND_LIMIT;
            }
            call.beginCommand();
            List<String> reply = new ArrayList<>(4);
            if (call.takeHangupLine()) {
                reply.add("HANGUP");
            }
            reply.addAll(COMMANDS.run(call, line));
            call.exchanges.add(new CallResult.Exchange(call.commandNumber, line, reply, turnaround, arrived));
            if (out != null) {
                out.write((String.join("\n", reply) + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            lastSent = System.nanoTime();
            call.endCommand();
        }
        if (call.callerHungUp) {
            return SessionEnd.CALLER_HUNG_UP;
        }
        return call.scriptHungUp ? SessionEnd.SCRIPT_HUNG_UP : SessionEnd.SCRIPT_CLOSED;
    }
}
