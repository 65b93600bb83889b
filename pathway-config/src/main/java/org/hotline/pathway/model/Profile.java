package org.hotline.pathway.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A data-sharing profile: the tip fields an agency may receive. {@code requiresConsent} maps a field to the
 * consent purpose the caller must have given before that field is shared (e.g. {@code callerName} to
 * {@code share_identity_police}); those fields are part of the profile but withheld without the consent.
 */
public record Profile(String id, String description, List<String> fields, Map<String, String> requiresConsent) {

    public Profile {
        fields = List.copyOf(fields);
        requiresConsent = Map.copyOf(requiresConsent);
    }

    /** Every field the profile can ever carry, consent-gated ones included. */
    public List<String> allFields() {
        var all = new ArrayList<>(fields);
        requiresConsent.keySet().stream().sorted().filter(f -> !all.contains(f)).forEach(all::add);
        return List.copyOf(all);
    }
}
