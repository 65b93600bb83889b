package org.hotline.ivr;

/** What the caller hears once a tip is durable: its reference, and the PIN that guards follow-up. */
public record TipReceipt(String reference, String pin) {}
