package org.hotline.pathway;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs tips through a pathway version: who would receive each and exactly what each would be sent. */
public final class PathwaySimulator {

    /** One tip's outcome: the routing and one delivery per recipient, in routing order. */
    public record Outcome(Map<String, Object> tip, Routing routing, List<Delivery> deliveries) {
        public Outcome {
            tip = Collections.unmodifiableMap(new LinkedHashMap<>(tip));
            deliveries = List.copyOf(deliveries);
        }
    }

    /** What one recipient would receive for the tip. */
    public record Delivery(Recipient recipient, Disclosure disclosure) {}

    private PathwaySimulator() {}

    public static Outcome simulate(Pathway pathway, Map<String, Object> tip) {
        var routing = pathway.route(TipFields.facts(tip));
        var deliveries = routing.recipients().stream()
                .map(r -> new Delivery(r, pathway.disclose(r, tip)))
                .toList();
        return new Outcome(tip, routing, deliveries);
    }

    public static List<Outcome> simulate(Pathway pathway, List<Map<String, Object>> tips) {
        return tips.stream().map(t -> simulate(pathway, t)).toList();
    }
}
