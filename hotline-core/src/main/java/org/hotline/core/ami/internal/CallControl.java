package org.hotline.core.ami.internal;

import java.io.IOException;
import java.time.Duration;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.ConfbridgeKickAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.hotline.core.ami.AmiException;
import org.hotline.core.ami.Redirect;

/** Actions that move, remove or end live channels ({@code Redirect}, {@code ConfbridgeKick}, {@code Hangup}); each waits for Asterisk's answer. */
final class CallControl {

    private final Originator.ConnectionSource connections;
    private final Duration timeout;

    CallControl(Originator.ConnectionSource connections, Duration timeout) {
        this.connections = connections;
        this.timeout = timeout;
    }

    void redirect(Redirect redirect) throws AmiException {
        RedirectAction action = new RedirectAction(redirect.channel(), redirect.context(), redirect.exten(), 1);
        if (redirect.dual()) {
            action.setExtraChannel(redirect.extraChannel());
            action.setExtraContext(redirect.extraContext());
            action.setExtraExten(redirect.extraExten());
            action.setExtraPriority(1);
        }
        send(action, "Redirect");
    }

    void kick(String conference, String channel) throws AmiException {
        if (conference == null || !conference.matches("[A-Za-z0-9_-]{1,40}")
                || channel == null || !channel.matches("[A-Za-z0-9_/@.+:;-]{1,120}")) {
            throw new IllegalArgumentException("conference and channel must be plain names");
        }
        send(new ConfbridgeKickAction(conference, channel), "ConfbridgeKick");
    }

    void hangup(String channel) throws AmiException {
        if (channel == null || !channel.matches("[A-Za-z0-9_/@.+:;-]{1,120}")) {
            // a name only: Asterisk would read a /.../ value as a regular expression over every channel
            throw new IllegalArgumentException("channel must be a plain channel name");
        }
        send(new HangupAction(channel), "Hangup");
    }

    private void send(ManagerAction action, String name) throws AmiException {
        ManagerResponse response;
        try {
            response = connections.get().sendAction(action, timeout.toMillis());
        } catch (TimeoutException e) {
            throw new AmiException(AmiException.Kind.TIMEOUT, "Asterisk did not answer " + name + " in time", e);
        } catch (IOException | IllegalStateException e) {
            throw new AmiException(AmiException.Kind.NOT_CONNECTED, "not connected to Asterisk", e);
        }
        if (response instanceof ManagerError) {
            throw new AmiException(AmiException.Kind.REFUSED, "Asterisk refused " + name + ": " + response.getMessage());
        }
    }
}
