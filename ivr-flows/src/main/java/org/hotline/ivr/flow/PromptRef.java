package org.hotline.ivr.flow;

/** A prompt id used by a flow, kept with the line it was written on. */
public record PromptRef(String id, int line) {}
