package org.hotline.ivr.flow;

/**
 * One entry of a keypad list (regions, exploitation types): the digit the caller presses, the code stored in
 * the tip, and the prompt naming the entry (e.g. {@code region_mo}).
 */
public record Choice(String digit, String code, String prompt) {}
