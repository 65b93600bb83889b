package org.hotline.core.node;

import java.net.BindException;

/**
 * A port the node must listen on is taken (another hotline still running, another service): reported in one line
 * naming the variable that moves it, without a stack trace.
 */
public final class PortInUseException extends RuntimeException {

    PortInUseException(String what, String host, int port, String variable, Throwable cause) {
        super(what + " port " + port + " on " + host + " is already in use: stop what listens there (another hotline?)"
                + " or set " + variable + " to a free port", cause);
    }

    /** Whether {@code error} or one of its causes is a failed bind because the address is in use. */
    static boolean isBindFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof BindException || String.valueOf(t.getMessage()).contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }
}
