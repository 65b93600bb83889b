package org.hotline.ivr.text;

import java.util.List;

/**
 * The result of one message: the session as it now stands and the messages to send back, in order. Empty
 * messages after a stop keyword: nothing is sent.
 *
 * @param forOperator the message was for the operator who has the conversation (nothing is sent automatically)
 */
public record TextTurn(TextSession session, List<String> messages, boolean forOperator) {

    public TextTurn {
        messages = List.copyOf(messages);
    }
}
