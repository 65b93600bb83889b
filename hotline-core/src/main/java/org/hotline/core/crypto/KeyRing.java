package org.hotline.core.crypto;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The data-encryption keys: 256-bit AES keys by id, one of them active (used for new values), the others
 * kept to read values written before a rotation. Text form, used by the key file and
 * {@code HOTLINE_DATA_KEYS}: entries {@code id:base64key} separated by commas or new lines; the last entry is
 * the active key.
 */
public record KeyRing(Map<String, byte[]> keys, String activeId) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    public KeyRing {
        if (keys.isEmpty() || !keys.containsKey(activeId)) {
            throw new IllegalArgumentException("a key ring needs at least one key and its active key");
        }
        Map<String, byte[]> copy = new LinkedHashMap<>();
        keys.forEach((id, key) -> copy.put(id, key.clone()));
        keys = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * Parses the text form.
     *
     * @param source names where the text came from, for error messages (never the keys themselves)
     * @throws IllegalArgumentException naming the bad entry by position, never by content
     */
    public static KeyRing parse(String text, String source) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        String active = null;
        List<String> entries = List.of(text.trim().split("[,\\n]+"));
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i).trim();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.indexOf(':');
            String where = source + " entry " + (i + 1);
            if (colon < 0) {
                throw new IllegalArgumentException(where + " must be id:base64key");
            }
            String id = entry.substring(0, colon);
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException(where + ": the key id must be 1-32 letters, digits, '_' or '-'");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(entry.substring(colon + 1).trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": the key is not valid base64");
            }
            if (key.length != 32) {
                throw new IllegalArgumentException(where + ": the key must be 32 bytes (AES-256), got " + key.length);
            }
            if (keys.put(id, key) != null) {
                throw new IllegalArgumentException(where + ": key id " + id + " appears twice");
            }
            active = id;
        }
        if (active == null) {
            throw new IllegalArgumentException(source + " holds no key");
        }
        return new KeyRing(keys, active);
    }

    /** The text form, active key last. */
    public String format() {
        StringBuilder out = new StringBuilder();
        keys.forEach((id, key) -> {
            if (!id.equals(activeId)) {
                out.append(id).append(':').append(Base64.getEncoder().encodeToString(key)).append('\n');
            }
        });
        out.append(activeId).append(':').append(Base64.getEncoder().encodeToString(keys.get(activeId))).append('\n');
        return out.toString();
    }

    public byte[] active() {
        return keys.get(activeId);
    }

    public Optional<byte[]> key(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    /** This ring plus a new active key. */
    public KeyRing with(String id, byte[] key) {
        if (!ID.matcher(id).matches() || keys.containsKey(id)) {
            throw new IllegalArgumentException("key id " + id + " is invalid or taken");
        }
        Map<String, byte[]> more = new LinkedHashMap<>(keys);
        more.put(id, key);
        return new KeyRing(more, id);
    }

    @Override
    public String toString() {
        return "KeyRing" + keys.keySet() + " active " + activeId;
    }
}
