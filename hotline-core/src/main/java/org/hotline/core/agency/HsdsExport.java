package org.hotline.core.agency;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hotline.pathway.Agency;
import org.hotline.pathway.Pathway;
import org.hotline.pathway.model.AgencyEntry;
import org.hotline.pathway.model.Region;

/**
 * The active pathway's directory as Open Referral HSDS 3 tables in JSON, for other directories and referral
 * systems to import: {@code organizations}, {@code services}, {@code locations} (one virtual location per agency:
 * the pathway holds no street addresses, services are reached by referral), {@code service_at_locations},
 * {@code service_areas}, {@code contacts}, {@code phones}, {@code schedules} (the agency's opening hours, weekly,
 * at its location) and {@code languages}. Ids are stable across exports of one pathway: the agency id, and
 * {@code <agency>/<service>} below it. Referral channels (webhook URLs, secrets) are not part of it.
 */
public final class HsdsExport {

    /** The HSDS version the shape follows. */
    public static final String HSDS_VERSION = "3.0";
    private static final Map<String, String> BYDAY = Map.of("mon", "MO", "tue", "TU", "wed", "WE", "thu", "TH",
            "fri", "FR", "sat", "SA", "sun", "SU");

    private HsdsExport() {}

    /** The directory of {@code pathway} as HSDS tables, stamped with {@code now}. */
    public static JsonObject of(Pathway pathway, Instant now) {
        Tables t = new Tables();
        Map<String, String> regionNames = pathway.definition().regions().stream()
                .collect(Collectors.toMap(Region::code, Region::name, (a, b) -> a));
        for (Agency agency : pathway.agencies()) {
            AgencyEntry entry = pathway.definition().agency(agency.id()).orElse(null);
            String location = agency.id() + "/referral";
            t.organizations.add(new JsonObject().put("id", agency.id()).put("name", agency.name())
                    .put("description", agency.name() + " (" + agency.kind() + "), reached through the national"
                            + " referral pathway " + pathway.id()));
            t.locations.add(new JsonObject().put("id", location).put("organization_id", agency.id())
                    .put("location_type", "virtual").put("name", agency.name() + " - referrals")
                    .put("description", "Referred through the national hotline"));
            for (Agency.Service service : agency.services()) {
                service(t, agency, service, location, regionNames);
            }
            if (entry != null) {
                entry.contacts().forEach(c -> t.contacts.add(new JsonObject()
                        .put("id", agency.id() + "/contact-" + t.contacts.size()).put("organization_id", agency.id())
                        .put("name", c.name()).put("title", c.title()).put("email", c.email())));
                entry.phones().forEach(p -> t.phones.add(new JsonObject()
                        .put("id", agency.id() + "/phone-" + t.phones.size()).put("organization_id", agency.id())
                        .put("number", p.number()).put("type", "voice").put("description", p.description())));
                entry.schedule().forEach(h -> t.schedules.add(schedule(agency.id() + "/schedule-" + t.schedules.size(),
                        location, h)));
            }
        }
        return new JsonObject().put("hsds_version", HSDS_VERSION).put("pathway_id", pathway.id())
                .put("pathway_version", pathway.version()).put("generated_at", now.toString())
                .put("organizations", t.organizations).put("services", t.services).put("locations", t.locations)
                .put("service_at_locations", t.serviceAtLocations).put("service_areas", t.serviceAreas)
                .put("contacts", t.contacts).put("phones", t.phones).put("schedules", t.schedules)
                .put("languages", t.languages);
    }

    private static void service(Tables t, Agency agency, Agency.Service service, String location,
            Map<String, String> regionNames) {
        String id = agency.id() + "/" + service.id();
        t.services.add(new JsonObject().put("id", id).put("organization_id", agency.id()).put("name", service.name())
                .put("description", service.description() == null ? service.name() : service.description())
                .put("status", "active"));
        t.serviceAtLocations.add(new JsonObject().put("id", id + "@referral").put("service_id", id)
                .put("location_id", location));
        for (String area : agency.serviceAreas()) {
            boolean national = "national".equals(area);
            t.serviceAreas.add(new JsonObject().put("id", id + "/area-" + area).put("service_id", id)
                    .put("name", national ? "National" : regionNames.getOrDefault(area, area))
                    .put("extent_type", national ? "national" : "region").put("extent", area));
        }
        for (String language : agency.languages()) {
            t.languages.add(new JsonObject().put("id", id + "/lang-" + language).put("service_id", id)
                    .put("code", language));
        }
    }

    /** One weekly schedule row; 24 hours is written 00:00-23:59, as HSDS advises. */
    static JsonObject schedule(String id, String locationId, AgencyEntry.OpeningHours hours) {
        String closes = "24:00".equals(hours.closes()) ? "23:59" : hours.closes();
        return new JsonObject().put("id", id).put("location_id", locationId).put("freq", "WEEKLY")
                .put("byday", hours.days().stream().map(BYDAY::get).collect(Collectors.joining(",")))
                .put("opens_at", hours.opens()).put("closes_at", closes);
    }

    private static final class Tables {
        final JsonArray organizations = new JsonArray();
        final JsonArray services = new JsonArray();
        final JsonArray locations = new JsonArray();
        final JsonArray serviceAtLocations = new JsonArray();
        final JsonArray serviceAreas = new JsonArray();
        final JsonArray contacts = new JsonArray();
        final JsonArray phones = new JsonArray();
        final JsonArray schedules = new JsonArray();
        final JsonArray languages = new JsonArray();
    }

    /** The same, for the directory page: phones, contacts and opening hours of one agency. */
    static JsonObject reach(AgencyEntry entry) {
        JsonArray phones = new JsonArray();
        entry.phones().forEach(p -> phones.add(new JsonObject().put("number", p.number())
                .put("description", p.description())));
        JsonArray contacts = new JsonArray();
        entry.contacts().forEach(c -> contacts.add(new JsonObject().put("name", c.name()).put("title", c.title())
                .put("email", c.email())));
        JsonArray hours = new JsonArray();
        entry.schedule().forEach(h -> hours.add(new JsonObject().put("days", new JsonArray(List.copyOf(h.days())))
                .put("opens", h.opens()).put("closes", h.closes())));
        return new JsonObject().put("phones", phones).put("contacts", contacts).put("openingHours", hours);
    }
}
