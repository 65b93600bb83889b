package org.hotline.ivr.server.internal;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.hotline.ivr.agi.QuotedCommands;
import org.hotline.ivr.server.CallInfo;

/**
 * Tells the caller why no flow runs (busy, service unavailable): sets the status first, so the dialplan has it
 * whatever happens, then plays the prompt if the channel is still alive. Its commands are quoted without regular
 * expressions ({@link QuotedCommands}): it runs when the node is beyond its capacity, when CPU is scarcest.
 */
final class AnnouncementScript implements AgiScript {

    private final CallInfo call;
    private final String status;
    private final String prompt;

    AnnouncementScript(CallInfo call, String status, String prompt) {
        this.call = call;
        this.status = status;
        this.prompt = prompt;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) {
        GuardedScript.setStatus(channel, status, call);
        try {
            channel.answer();
            channel.sendCommand(new QuotedCommands.StreamFile(prompt, null));
        } catch (AgiException e) {
            // The caller hung up or the channel is dead: there is nobody left to tell.
        }
    }
}
