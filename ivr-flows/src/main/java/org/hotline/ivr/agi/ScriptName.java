package org.hotline.ivr.agi;

/**
 * The name of the script a call asks for, from {@code agi_network_script}: without leading slashes and without its
 * parameters ({@code ?lang=fr}). The server picks the script by it and the flows pick the flow by it, so both cut it
 * here. Plain string work, not a regular expression: it runs for every call.
 */
public final class ScriptName {

    private ScriptName() {}

    /** The name in {@code script}; empty for {@code null} or a script of slashes and parameters only. */
    public static String of(String script) {
        if (script == null) {
            return "";
        }
        int start = 0;
        while (start < script.length() && script.charAt(start) == '/') {
            start++;
        }
        int query = script.indexOf('?', start);
        return script.substring(start, query < 0 ? script.length() : query);
    }
}
