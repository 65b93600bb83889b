package org.hotline.core.referral.internal;

import java.util.Map;

/**
 * SMS length rules. A text in the GSM 03.38 alphabet fits 160 units in one message (153 per part when split;
 * characters of the extension table such as {@code € [ ] { }} take two units); any other character switches
 * the whole text to UCS-2: 70 characters in one message, 67 per part.
 */
public final class SmsText {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    private SmsText() {}

    /** Replaces each {@code {name}} in {@code template} by its value (missing values become "-"). */
    public static String render(String template, Map<String, String> values) {
        String text = template;
        for (Map.Entry<String, String> e : values.entrySet()) {
            text = text.replace("{" + e.getKey() + "}", e.getValue() == null ? "-" : e.getValue());
        }
        return text;
    }

    /** True when every character is in the GSM 03.38 alphabet (basic or extension table). */
    public static boolean isGsm(String text) {
        return text.chars().allMatch(c -> GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0);
    }

    /** Length in encoding units: GSM septets (extension characters count twice) or UCS-2 code units. */
    public static int units(String text) {
        if (!isGsm(text)) {
            return text.length();
        }
        return text.chars().map(c -> GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 1).sum();
    }

    /** How many SMS parts {@code text} needs. */
    public static int segments(String text) {
        boolean gsm = isGsm(text);
        int units = units(text);
        int single = gsm ? 160 : 70;
        int part = gsm ? 153 : 67;
        return units <= single ? 1 : (units + part - 1) / part;
    }

    /**
     * {@code text} as it goes out in at most {@code maxSegments} parts: whole when it fits; else cut, ending with
     * "..", with {@code whole} (a link the recipient must be able to open, or "") moved to the end and never cut.
     * When even {@code whole} leaves no room, the text goes uncut, in more parts: a cut link is useless.
     */
    public static String fit(String text, String whole, int maxSegments) {
        if (segments(text) <= maxSegments) {
            return text;
        }
        boolean gsm = isGsm(text);
        int capacity = maxSegments == 1 ? (gsm ? 160 : 70) : maxSegments * (gsm ? 153 : 67);
        String rest = whole.isEmpty() ? text : text.replace(whole, "").replaceAll(" {2,}", " ").strip();
        String tail = whole.isEmpty() ? "" : " " + whole;
        int budget = capacity - units(tail) - 2;
        if (budget <= 0) {
            return text;
        }
        return cut(rest, budget, gsm) + ".." + tail;
    }

    /** The longest start of {@code text} within {@code limit} units, not splitting a character. */
    private static String cut(String text, int limit, boolean gsm) {
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int cost = gsm && GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 1;
            if (used + cost > limit || Character.isHighSurrogate(c) && used + 2 > limit) {
                break;
            }
            out.append(c);
            used += cost;
        }
        return out.toString();
    }
}
