package org.hotline.pathway.internal;

import static org.hotline.pathway.ProblemCodes.INVALID_VALUE;
import static org.hotline.pathway.ProblemCodes.LOCAL_WEBHOOK;
import static org.hotline.pathway.internal.NodeReader.child;
import static org.hotline.pathway.internal.NodeReader.index;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hotline.pathway.Agency;
import org.hotline.pathway.Channel;
import org.hotline.pathway.LoadOptions;
import org.hotline.pathway.model.AgencyEntry.Contact;
import org.hotline.pathway.model.AgencyEntry.OpeningHours;
import org.hotline.pathway.model.AgencyEntry.Phone;
import org.hotline.pathway.model.AgencyEntry;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads the {@code agencies:} directory (HSDS-aligned) and each agency's delivery channels. */
final class AgencyParser {

    /** Agency kinds a pathway may use. */
    static final List<String> KINDS = List.of("police", "labour_inspectorate", "social_welfare", "shelter",
            "immigration", "coordinator", "foreign_counterpart", "health", "legal_aid", "ngo", "other");

    private static final Set<String> KEYS = Set.of("description", "service_areas", "languages", "contacts",
            "phones", "schedule", "services", "escalates_to");
    private static final Set<String> DAYS = Set.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d|24:00");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{3,15}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    private final NodeReader reader;
    private final LoadOptions options;

    AgencyParser(NodeReader reader, LoadOptions options) {
        this.reader = reader;
        this.options = options;
    }

    List<AgencyEntry> agencies(Node node, String path) {
        var out = new ArrayList<AgencyEntry>();
        var items = reader.sequence(node, path);
        for (int i = 0; i < items.size(); i++) {
            out.add(agency(items.get(i), index(path, i)));
        }
        return out;
    }

    private AgencyEntry agency(Node node, String path) {
        var f = reader.mapping(node, path, Set.of("id", "name", "kind", "channels"), KEYS);
        if (f == null) {
            f = Map.of();
        }
        var kind = reader.optionalText(f.get("kind"), child(path, "kind"));
        if (kind != null && !KINDS.contains(kind)) {
            invalid(f.get("kind"), child(path, "kind"), "kind '" + kind + "' is not one of " + KINDS
                    + DidYouMean.hint(kind, KINDS));
        }
        var areas = f.containsKey("service_areas")
                ? reader.texts(f.get("service_areas"), child(path, "service_areas")) : List.of("national");
        var languages = f.containsKey("languages")
                ? reader.texts(f.get("languages"), child(path, "languages")) : List.<String>of();
        var id = reader.optionalText(f.get("id"), child(path, "id"));
        var agency = new Agency(
                id,
                reader.optionalText(f.get("name"), child(path, "name")),
                kind, areas, languages,
                channels(f.get("channels"), child(path, "channels"), id),
                services(f.get("services"), child(path, "services")));
        return new AgencyEntry(agency,
                contacts(f.get("contacts"), child(path, "contacts")),
                phones(f.get("phones"), child(path, "phones")),
                schedule(f.get("schedule"), child(path, "schedule")),
                reader.optionalText(f.get("escalates_to"), child(path, "escalates_to")));
    }

    /** Only well-formed channels are kept: a malformed one cannot deliver a referral. */
    private List<Channel> channels(Node node, String path, String agencyId) {
        var out = new ArrayList<Channel>();
        if (node == null) {
            return out;
        }
        var items = reader.sequence(node, path);
        for (int i = 0; i < items.size(); i++) {
            var channel = channel(items.get(i), index(path, i), agencyId);
            if (channel != null) {
                out.add(channel);
            }
        }
        return out;
    }

    private Channel channel(Node node, String path, String agencyId) {
        var type = node instanceof MappingNode m ? typeOf(m) : null;
        Set<String> keys = switch (type == null ? "" : type) {
            case "webhook" -> Set.of("url", "secret_ref");
            case "email" -> Set.of("address");
            case "sms" -> Set.of("number");
            default -> Set.of();
        };
        var f = reader.mapping(node, path, with(keys, "type"), Set.of());
        if (f == null || !f.containsKey("type")) {
            return null;
        }
        var typeText = reader.text(f.get("type"), child(path, "type"));
        if (typeText == null) {
            return null;
        }
        return switch (typeText) {
            case "webhook" -> webhook(f, path, agencyId);
            case "email" -> checked(f, path, "address", EMAIL, "an e-mail address", Channel.Email::new);
            case "sms" -> checked(f, path, "number", PHONE, "a phone number such as +231770000000", Channel.Sms::new);
            case "portal" -> new Channel.Portal();
            default -> {
                invalid(f.get("type"), child(path, "type"),
                        "channel type '" + typeText + "' is not one of webhook, email, sms, portal");
                yield null;
            }
        };
    }

    private static String typeOf(MappingNode m) {
        for (var t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("type")
                    && t.getValueNode() instanceof ScalarNode v) {
                return v.getValue();
            }
        }
        return null;
    }

    private Channel webhook(Map<String, Node> f, String path, String agencyId) {
        var url = reader.optionalText(f.get("url"), child(path, "url"));
        var secret = reader.optionalText(f.get("secret_ref"), child(path, "secret_ref"));
        boolean ok = url != null && secret != null;
        if (url != null && !isHttpUrl(url)) {
            invalid(f.get("url"), child(path, "url"), "'" + url + "' is not an http(s) URL with a host");
            ok = false;
        } else if (url != null && !options.localWebhooksAllowed() && LocalHosts.isLocal(URI.create(url).getHost())) {
            reader.problems().at(f.get("url"), child(path, "url"), LOCAL_WEBHOOK, "agency '" + agencyId
                    + "': webhook '" + url + "' points at this machine (a loopback, link-local or unspecified "
                    + "address, or localhost); only a demo or test node may send referrals there");
            // kept as a channel: the error alone refuses the pathway, without a second "no channel" error
        }
        if (secret != null && !ENV_NAME.matcher(secret).matches()) {
            invalid(f.get("secret_ref"), child(path, "secret_ref"),
                    "secret_ref must name an environment variable (A-Z, 0-9, _), not hold the secret");
            ok = false;
        }
        return ok ? new Channel.Webhook(url, secret) : null;
    }

    private Channel checked(Map<String, Node> f, String path, String key, Pattern pattern, String what,
            java.util.function.Function<String, Channel> make) {
        var value = reader.optionalText(f.get(key), child(path, key));
        if (value == null) {
            return null;
        }
        if (!pattern.matcher(value).matches()) {
            invalid(f.get(key), child(path, key), "'" + value + "' is not " + what);
            return null;
        }
        return make.apply(value);
    }

    private static boolean isHttpUrl(String url) {
        try {
            var uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private List<Agency.Service> services(Node node, String path) {
        var out = new ArrayList<Agency.Service>();
        var items = node == null ? List.<Node>of() : reader.sequence(node, path);
        for (int i = 0; i < items.size(); i++) {
            var p = index(path, i);
            var f = reader.mapping(items.get(i), p, Set.of("id", "name"), Set.of("description"));
            if (f != null) {
                out.add(new Agency.Service(reader.optionalText(f.get("id"), child(p, "id")),
                        reader.optionalText(f.get("name"), child(p, "name")),
                        reader.optionalText(f.get("description"), child(p, "description"))));
            }
        }
        return out;
    }

    private List<Contact> contacts(Node node, String path) {
        var out = new ArrayList<Contact>();
        var items = node == null ? List.<Node>of() : reader.sequence(node, path);
        for (int i = 0; i < items.size(); i++) {
            var p = index(path, i);
            var f = reader.mapping(items.get(i), p, Set.of("name"), Set.of("title", "email"));
            if (f != null) {
                out.add(new Contact(reader.optionalText(f.get("name"), child(p, "name")),
                        reader.optionalText(f.get("title"), child(p, "title")),
                        reader.optionalText(f.get("email"), child(p, "email"))));
            }
        }
        return out;
    }

    private List<Phone> phones(Node node, String path) {
        var out = new ArrayList<Phone>();
        var items = node == null ? List.<Node>of() : reader.sequence(node, path);
        for (int i = 0; i < items.size(); i++) {
            var p = index(path, i);
            var f = reader.mapping(items.get(i), p, Set.of("number"), Set.of("description"));
            if (f != null) {
                var number = reader.optionalText(f.get("number"), child(p, "number"));
                if (number != null && !PHONE.matcher(number).matches()) {
                    invalid(f.get("number"), child(p, "number"), "'" + number + "' is not a phone number");
                }
                out.add(new Phone(number, reader.optionalText(f.get("description"), child(p, "description"))));
            }
        }
        return out;
    }

    private List<OpeningHours> schedule(Node node, String path) {
        if (node == null) {
            return List.of();
        }
        if (node instanceof ScalarNode s && "24/7".equals(s.getValue().trim())) {
            return List.of(new OpeningHours(List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
                    "00:00", "24:00"));
        }
        var out = new ArrayList<OpeningHours>();
        var items = reader.sequence(node, path);
        for (int i = 0; i < items.size(); i++) {
            var p = index(path, i);
            var f = reader.mapping(items.get(i), p, Set.of("days", "opens", "closes"), Set.of());
            if (f == null) {
                continue;
            }
            var days = reader.texts(f.get("days"), child(p, "days"));
            if (days != null) {
                days.stream().filter(d -> !DAYS.contains(d)).forEach(d -> invalid(f.get("days"), child(p, "days"),
                        "day '" + d + "' is not one of mon, tue, wed, thu, fri, sat, sun"));
            }
            var opens = time(f.get("opens"), child(p, "opens"));
            var closes = time(f.get("closes"), child(p, "closes"));
            out.add(new OpeningHours(days == null ? List.of() : days, opens, closes));
        }
        return out;
    }

    private String time(Node node, String path) {
        var t = reader.optionalText(node, path);
        if (t != null && !TIME.matcher(t).matches()) {
            invalid(node, path, "'" + t + "' is not a time of day HH:mm");
        }
        return t;
    }

    private void invalid(Node node, String path, String message) {
        reader.problems().at(node, path, INVALID_VALUE, message);
    }

    private static Set<String> with(Set<String> keys, String extra) {
        var all = new HashSet<>(keys);
        all.add(extra);
        return all;
    }
}
