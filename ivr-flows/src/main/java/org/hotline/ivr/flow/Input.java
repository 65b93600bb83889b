package org.hotline.ivr.flow;

/**
 * How a node that waits for keys treats silence and wrong keys: it re-prompts up to {@code retries} times,
 * waiting {@code timeoutMs} each time, then goes to {@code onFail} — never an endless loop.
 */
public record Input(int retries, int timeoutMs, Ref onFail) {}
