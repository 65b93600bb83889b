package org.hotline.core.console;

import java.util.LinkedHashMap;
import java.util.Map;

/** The result of checking an intake form: the form, or every problem by field name (in form order). */
public sealed interface IntakeValidation {

    record Valid(IntakeForm form) implements IntakeValidation {}

    record Invalid(Map<String, String> errors) implements IntakeValidation {
        public Invalid {
            errors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
        }
    }
}
