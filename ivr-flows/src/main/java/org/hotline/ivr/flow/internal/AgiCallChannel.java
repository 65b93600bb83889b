package org.hotline.ivr.flow.internal;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.command.AgiCommand;
import org.asteriskjava.fastagi.command.AnswerCommand;
import org.asteriskjava.fastagi.command.HangupCommand;
import org.asteriskjava.fastagi.command.WaitForDigitCommand;
import org.asteriskjava.fastagi.reply.AgiReply;
import org.hotline.ivr.agi.QuotedCommands;

/**
 * {@link CallChannel} over an Asterisk-Java FastAGI channel. Asterisk answers {@code result=-1} to a media
 * command when the caller hangs up and 511 to any media command after that; both end the flow. A missing
 * sound file also answers {@code result=-1}, but with {@code endpos=0}; the call goes on then.
 */
final class AgiCallChannel implements CallChannel {

    private final AgiChannel channel;

    AgiCallChannel(AgiChannel channel) {
        this.channel = channel;
    }

    private AgiReply send(AgiCommand command) {
        try {
            return channel.sendCommand(command);
        } catch (AgiHangupException e) {
            throw new CallerHungUp(e);
        } catch (AgiException e) {
            throw new IllegalStateException("AGI command failed: " + command.buildCommand(), e);
        }
    }

    private static char key(AgiReply reply) {
        int code = reply.getResultCode();
        return code > 0 ? (char) code : 0;
    }

    private static AgiReply alive(AgiReply reply) {
        if (reply.getResultCode() == -1) {
            throw new CallerHungUp(null);
        }
        return reply;
    }

    @Override
    public char play(String file, String escapeDigits) {
        AgiReply reply = send(new QuotedCommands.StreamFile(file, escapeDigits));
        // -1 is a hang-up, or a missing sound file (endpos=0, and the call goes on)
        if (reply.getResultCode() == -1 && !"0".equals(reply.getAttribute("endpos"))) {
            throw new CallerHungUp(null);
        }
        return key(reply);
    }

    @Override
    public char waitForDigit(int timeoutMs) {
        return key(alive(send(new WaitForDigitCommand(timeoutMs))));
    }

    @Override
    public String collect(String file, int timeoutMs, int maxDigits) {
        AgiReply reply = send(new QuotedCommands.GetData(file, timeoutMs, maxDigits));
        String result = reply.getResult();
        if ("-1".equals(result)) {
            throw new CallerHungUp(null);
        }
        return result == null ? "" : result.trim();
    }

    @Override
    public void record(String path, int maxSeconds, int silenceSeconds) {
        alive(send(new QuotedCommands.RecordFile(path, "wav", "#", maxSeconds * 1000, 0, true, silenceSeconds)));
    }

    @Override
    public char sayDigits(String digits, String escapeDigits) {
        AgiCommand command = digits.chars().allMatch(Character::isDigit)
                ? new QuotedCommands.SayDigits(digits, escapeDigits) : new QuotedCommands.SayAlpha(digits, escapeDigits);
        return key(alive(send(command)));
    }

    @Override
    public void setVariable(String name, String value) {
        send(new QuotedCommands.SetVariable(name, value));
    }

    @Override
    public void answer() {
        send(new AnswerCommand());
    }

    @Override
    public void hangup() {
        send(new HangupCommand());
    }
}
