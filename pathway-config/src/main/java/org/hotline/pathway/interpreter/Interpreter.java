package org.hotline.pathway.interpreter;

import java.util.List;

/**
 * One interpreter line: {@code endpoint} is what Asterisk dials ({@code TECH/resource}, e.g.
 * {@code PJSIP/+231770000101@pstn-trunk}); empty {@code hours} means around the clock.
 */
public record Interpreter(String id, String language, String name, String endpoint, List<OpenHours> hours) {

    public Interpreter {
        hours = List.copyOf(hours);
    }
}
