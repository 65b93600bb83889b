package org.hotline.ivr.server;

/**
 * The identity of one call as Asterisk announced it; at its end, {@code language} is the one the script last set
 * on the channel (the caller's choice), or the announced one.
 *
 * @param script the script name the call asked for, without query string
 * @param query the query string after {@code ?} in {@code agi_network_script}, or empty
 */
public record CallInfo(String uniqueId, String channel, String script, String query, String callerId, String language) {

    /** The same call in another language (the one the caller chose during the call). */
    public CallInfo withLanguage(String newLanguage) {
        return new CallInfo(uniqueId, channel, script, query, callerId, newLanguage);
    }
}
