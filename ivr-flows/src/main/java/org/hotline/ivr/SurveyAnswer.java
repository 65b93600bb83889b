package org.hotline.ivr;

/**
 * One answer to one post-contact survey question, handed to the host as soon as it is given.
 *
 * <p>It deliberately carries no call id, caller number, session id or reference: an answer cannot be joined to
 * the caller, to the tip, or even to the other answers of the same person, so a survey can never become a way
 * to re-identify someone who reported trafficking. The host adds a coarse date (the month) when it stores it.
 *
 * @param flowVersion id and version of the survey flow (e.g. {@code survey@1}), so wording changes are told apart
 * @param language the language the question was asked in
 * @param channel {@code voice}, {@code sms} or {@code chat}
 * @param question the question's code from the flow file (e.g. {@code helpful})
 * @param answer the answer's code from the flow file (e.g. {@code yes})
 */
public record SurveyAnswer(String flowVersion, String language, String channel, String question, String answer) {
}
