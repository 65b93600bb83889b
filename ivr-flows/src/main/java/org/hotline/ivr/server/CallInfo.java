package org.hotline.ivr.server;

/**
 * The identity of one call as Asterisk announced it.
 *
 * @param script the script name the call asked for, without query string
 * @param query the query string after {@code ?} in {@code agi_network_script}, or empty
 */
public record CallInfo(String uniqueId, String channel, String script, String query, String callerId, String language) {}
