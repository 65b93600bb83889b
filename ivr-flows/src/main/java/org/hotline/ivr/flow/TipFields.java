package org.hotline.ivr.flow;

import java.util.Map;

/**
 * How any walker of a flow (a call, a text conversation) reads and writes what it captured, so the voice and the
 * text engines agree: tip fields by name, consents as {@code consent.<purpose>}, a consent recorded with the
 * wording and language the person answered, a branch taken by a field's value.
 */
public final class TipFields {

    private TipFields() {}

    /** A tip field, or a consent as {@code consent.<purpose>} ("true"/"false"), or null when unset. */
    public static String read(String name, Map<String, String> answers, Map<String, Boolean> consents) {
        if (name.startsWith("consent.") && !name.substring("consent.".length()).contains(".")) {
            Boolean consent = consents.get(name.substring("consent.".length()));
            return consent == null ? null : consent.toString();
        }
        return answers.get(name);
    }

    /** Records a consent answer with the wording version and language it was given in; returns the next node. */
    public static String consent(NodeKind.Consent node, boolean yes, String language, Map<String, String> answers,
                                 Map<String, Boolean> consents) {
        consents.put(node.purpose(), yes);
        answers.put("consent." + node.purpose() + ".wording", node.wording());
        answers.put("consent." + node.purpose() + ".language", language);
        return (yes ? node.onYes() : node.onNo()).target();
    }

    /** The node a branch leads to for a field's value ({@code otherwise} when unset or no case matches). */
    public static String branch(NodeKind.Branch node, String value) {
        return (value != null && node.cases().containsKey(value) ? node.cases().get(value) : node.otherwise()).target();
    }
}
