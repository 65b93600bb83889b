package org.hotline.pathway.model;

/** A region (county, province) the hotline serves; {@code keypad} is its digit in the IVR region menu. */
public record Region(String code, String name, String keypad) {}
