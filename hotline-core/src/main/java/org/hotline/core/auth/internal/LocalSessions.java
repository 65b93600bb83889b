package org.hotline.core.auth.internal;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotline.core.auth.Principal;

/**
 * This node's copy of the sessions it has seen, so that signed-in staff stay signed in while MongoDB is down.
 * Bounded: beyond {@code capacity} sessions the one used longest ago is forgotten (its owner then needs MongoDB
 * to be checked, as before). Keyed by the token's digest, as MongoDB is; the token itself is never kept. Also
 * remembers sign-outs MongoDB could not take yet, so a session ended during an outage stays ended.
 */
public final class LocalSessions {

    /** A session as last seen: who, its CSRF token, its hard expiry and its last use. */
    public record Seen(Principal principal, String csrf, Instant expiresAt, Instant lastSeen) {}

    private final Map<String, Seen> entries;
    private final Set<String> ended;

    public LocalSessions(int capacity) {
        this.entries = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
                return size() > capacity;
            }
        };
        this.ended = Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        });
    }

    public synchronized void put(String id, Seen entry) {
        entries.put(id, entry);
    }

    public synchronized Optional<Seen> get(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    /** Records a use at {@code now}. */
    public synchronized void touch(String id, Instant now) {
        entries.computeIfPresent(id, (k, e) -> new Seen(e.principal(), e.csrf(), e.expiresAt(), now));
    }

    public synchronized void remove(String id) {
        entries.remove(id);
    }

    /** A sign-out MongoDB has not taken yet. */
    public synchronized void endedWhileDown(String id) {
        entries.remove(id);
        ended.add(id);
    }

    public synchronized boolean isEnded(String id) {
        return ended.contains(id);
    }

    /** MongoDB has taken the sign-out. */
    public synchronized void endStored(String id) {
        ended.remove(id);
    }

    public synchronized int size() {
        return entries.size();
    }
}
