package org.hotline.ivr.server.internal;

import java.time.Duration;
import java.util.Optional;
import org.asteriskjava.fastagi.AgiChannelFactory;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiReader;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiWriter;
import org.asteriskjava.fastagi.command.AgiCommand;
import org.asteriskjava.fastagi.command.HangupCommand;
import org.asteriskjava.fastagi.command.SetVariableCommand;
import org.asteriskjava.fastagi.internal.AgiChannelImpl;
import org.asteriskjava.fastagi.reply.AgiReply;
import org.hotline.ivr.server.CallObserver;
import org.hotline.ivr.server.CallStatus;

/**
 * Asterisk-Java's channel, timing each command for the observer and remembering the status variable the script
 * set, so the server knows whether it still has to set one, and the language it gave the channel (the caller's
 * choice), which the call is counted under.
 */
final class ObservedChannel extends AgiChannelImpl {

    private final SafeObserver observer;
    private static final String LANGUAGE = "CHANNEL(language)";

    private volatile String status;
    private volatile String language;
    private volatile boolean hungUpByScript;

    ObservedChannel(AgiRequest request, AgiWriter writer, AgiReader reader, SafeObserver observer) {
        super(request, writer, reader);
        this.observer = observer;
    }

    static AgiChannelFactory factory(SafeObserver observer) {
        return (request, writer, reader) -> new ObservedChannel(request, writer, reader, observer);
    }

    @Override
    public AgiReply sendCommand(AgiCommand command) throws AgiException {
        long start = System.nanoTime();
        try {
            AgiReply reply = super.sendCommand(command);
            if (command instanceof SetVariableCommand set && CallStatus.VARIABLE.equals(set.getVariable())) {
                status = set.getValue();
            } else if (command instanceof SetVariableCommand set && LANGUAGE.equals(set.getVariable())) {
                language = set.getValue();
            } else if (command instanceof HangupCommand) {
                hungUpByScript = true;
            }
            return reply;
        } finally {
            observer.commandCompleted(name(command), Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** The language the script last gave the channel ({@code CHANNEL(language)}), if any. */
    Optional<String> language() {
        return Optional.ofNullable(language);
    }

    /** The status the script set, if any. */
    Optional<String> status() {
        return Optional.ofNullable(status);
    }

    /** Whether the script itself hung the channel up (Asterisk then announces HANGUP like for a caller). */
    boolean hungUpByScript() {
        return hungUpByScript;
    }

    private static String name(AgiCommand command) {
        String simple = command.getClass().getSimpleName();
        return simple.endsWith("Command") ? simple.substring(0, simple.length() - "Command".length()) : simple;
    }
}
