package org.hotline.ivr.flow;

/**
 * One entry of a language's prompt catalogue: the sound file (relative to that language's sound folder,
 * without extension, e.g. {@code hotline/welcome}) and the words spoken in it.
 */
public record Prompt(String id, String file, String text, int line) {}
