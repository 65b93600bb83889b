package org.hotline.core.text;

/**
 * One message a gateway passed on.
 *
 * @param channel {@code sms} or {@code chat}
 * @param gateway the gateway that brought it ({@code kannel}, {@code telegram}); replies go back through it
 * @param sender the sender's address on that gateway (a phone number, a chat id)
 * @param messageId the gateway's id for the message; a redelivery carries the same id and changes nothing
 * @param text the words, or empty for a binary message
 * @param binary whether the message is not text (8-bit data, a picture)
 */
public record InboundText(String channel, String gateway, String sender, String messageId, String text,
                          boolean binary) {}
