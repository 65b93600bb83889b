package org.hotline.core.storage;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.bson.BsonValue;

/**
 * Counts the commands the driver sends to MongoDB, by command and collection ({@code insert tips},
 * {@code update referrals}): each is one round trip. The benchmark divides them by completed calls, and
 * {@code /metrics} exports them, so a change that adds a write per call shows up as a number, not a hunch.
 */
public final class RoundTrips implements CommandListener {

    /** One kind of round trip: a command on a collection (empty for database commands such as ping). */
    public record Kind(String command, String collection) implements Comparable<Kind> {
        @Override
        public int compareTo(Kind o) {
            int c = command.compareTo(o.command);
            return c != 0 ? c : collection.compareTo(o.collection);
        }
    }

    private final Map<Kind, LongAdder> counts = new ConcurrentHashMap<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        String name = event.getCommandName();
        BsonValue target = event.getCommand().get(name);
        // a command's first field names its collection for CRUD commands; others (ping, hello) name none
        String collection = target != null && target.isString() ? target.asString().getValue() : "";
        counts.computeIfAbsent(new Kind(name, collection), k -> new LongAdder()).increment();
    }

    /** The counts so far, sorted by command then collection. */
    public Map<Kind, Long> snapshot() {
        Map<Kind, Long> out = new TreeMap<>();
        counts.forEach((kind, n) -> out.put(kind, n.sum()));
        return out;
    }

    /** All round trips so far. */
    public long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
