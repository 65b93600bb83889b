package org.hotline.core.testsupport.ami;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The simulator's answers to actions on live channels, worded as Asterisk 22 words them: {@code Redirect}
 * (manager.c: both channels must exist), {@code ConfbridgeKick} (app_confbridge: the conference, then the
 * channel must be found) and {@code Hangup} of a plain channel name. The effect runs after the response is sent.
 */
final class ChannelActions {

    /** {@code response} is {@code Success} or {@code Error}; {@code then} is what happens in the PBX afterwards. */
    record Answer(String response, String message, Runnable then) {

        static Answer error(String message) {
            return new Answer("Error", message, () -> { });
        }
    }

    private ChannelActions() {}

    static Answer answer(Conferences live, String name, Map<String, String> action) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "redirect" -> redirect(live, action);
            case "confbridgekick" -> kick(live, action);
            default -> hangup(live, action);
        };
    }

    private static Answer redirect(Conferences live, Map<String, String> action) {
        String channel = action.getOrDefault("Channel", "");
        String extra = action.getOrDefault("ExtraChannel", "");
        if (channel.isEmpty()) {
            return Answer.error("Channel not specified");
        }
        for (String name : extra.isEmpty() ? List.of(channel) : List.of(channel, extra)) {
            if (!live.exists(name)) {
                return Answer.error("Channel does not exist: " + name);
            }
        }
        return new Answer("Success", extra.isEmpty() ? "Redirect successful" : "Dual Redirect successful", () -> {
            live.enter(channel, action.getOrDefault("Context", ""), action.getOrDefault("Exten", ""));
            if (!extra.isEmpty()) {
                live.enter(extra, action.getOrDefault("ExtraContext", ""), action.getOrDefault("ExtraExten", ""));
            }
        });
    }

    private static Answer kick(Conferences live, Map<String, String> action) {
        String conference = action.getOrDefault("Conference", "");
        String channel = action.getOrDefault("Channel", "");
        if (conference.isEmpty()) {
            return Answer.error("No Conference name provided.");
        }
        if (channel.isEmpty()) {
            return Answer.error("No channel name provided.");
        }
        if (!live.conferenceExists(conference)) {
            return Answer.error("No Conference by that name found.");
        }
        if (!live.members(conference).contains(channel)) {
            return Answer.error("No Channel by that name found in Conference.");
        }
        return new Answer("Success", "User kicked", () -> live.kick(conference, channel));
    }

    private static Answer hangup(Conferences live, Map<String, String> action) {
        String channel = action.getOrDefault("Channel", "");
        if (channel.isEmpty()) {
            return Answer.error("No channel specified");
        }
        if (!live.exists(channel)) {
            return Answer.error("No such channel");
        }
        return new Answer("Success", "Channel Hungup", () -> live.hangup(channel));
    }
}
