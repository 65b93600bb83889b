package org.hotline.core.console;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A validated intake form, as an operator filled it in during a call (see {@link IntakeForms#validate}).
 *
 * @param reference the tip the form completes (the reference the IVR gave the caller), or empty for a new tip
 * @param fields canonical tip field values to store (names of {@code org.hotline.pathway.TipFields#ALL} plus
 *     {@code callbackWindow}); lists (needs, methods of control) are comma-separated codes
 * @param consents the caller's answer for every consent purpose
 * @param language the language the consents were read in
 */
public record IntakeForm(Optional<String> reference, Map<String, Object> fields, Map<String, Boolean> consents,
        String language) {

    public IntakeForm {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        consents = Map.copyOf(consents);
    }

    public boolean childInvolved() {
        return Boolean.TRUE.equals(fields.get("childInvolved"));
    }

    public boolean immediateDanger() {
        return Boolean.TRUE.equals(fields.get("immediateDanger"));
    }
}
