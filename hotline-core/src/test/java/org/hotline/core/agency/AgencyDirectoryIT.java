package org.hotline.core.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.hotline.core.agency.AgencyBed.Response;
import org.hotline.core.testsupport.Staff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agency directory on a real node over HTTP with real sign-in: supervisors see the pathway's agencies with their
 * channels' health, phones, contacts and opening hours, and download it as Open Referral HSDS tables; agency users
 * are refused.
 */
class AgencyDirectoryIT {

    @TempDir
    Path dir;

    private AgencyBed bed;
    private String tipId;

    @BeforeEach
    void start() throws Exception {
        bed = new AgencyBed(dir);
        tipId = bed.fileTip();
    }

    @AfterEach
    void stop() throws Exception {
        bed.close();
    }

    @Test
    void shouldShowTheDirectoryWithChannelHealthToSupervisorsOnly() throws Exception {
        // given
        Staff.create(bed.node.mongo(), "sia.supervisor", Set.of(org.hotline.core.auth.Role.SUPERVISOR), java.util.Optional.empty());
        Staff.Session supervisor = Staff.signIn(bed.node.httpPort(), "sia.supervisor");
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(bed.referral(tipId + ":mol-labour").getString("state")));

        // when
        Response directory = bed.get("/api/agency/directory", supervisor);
        Response asAgency = bed.get("/api/agency/directory", bed.labour);

        // then
        assertThat(asAgency.status()).isEqualTo(403);
        JsonObject labour = directory.json().getJsonArray("organizations").stream().map(JsonObject.class::cast)
                .filter(o -> o.getString("id").equals("mol-labour")).findFirst().orElseThrow();
        assertThat(labour.getString("name")).isEqualTo("Ministry of Labour - Labour Inspectorate");
        assertThat(labour.getJsonArray("serviceAreas")).contains("national");
        assertThat(labour.getJsonArray("languages")).contains("en");
        assertThat(labour.getJsonArray("services")).isNotEmpty();
        JsonObject webhook = labour.getJsonArray("channels").getJsonObject(0);
        assertThat(webhook.getString("kind")).isEqualTo("webhook");
        assertThat(webhook.getString("lastDeliveredAt")).isNotBlank();
        assertThat(webhook.getString("circuit")).isEqualTo("closed");
        assertThat(webhook.getInteger("deadLetters30d")).isZero();
        assertThat(directory.body()).doesNotContain(AgencyBed.TIP_VALUES.get("narrative"));
    }

    @Test
    void shouldShowThePathwaysPhonesContactsAndHoursAndExportTheDirectoryAsHsds() throws Exception {
        // given a supervisor
        Staff.create(bed.node.mongo(), "sia.supervisor", Set.of(org.hotline.core.auth.Role.SUPERVISOR), java.util.Optional.empty());
        Staff.Session supervisor = Staff.signIn(bed.node.httpPort(), "sia.supervisor");

        // when they open the directory and download it as HSDS
        JsonObject directory = new JsonObject(AgencyBed.ok(bed.get("/api/agency/directory", supervisor)));
        Response hsdsResponse = bed.get("/api/agency/directory/hsds", supervisor);
        Response asAgency = bed.get("/api/agency/directory/hsds", bed.labour);

        // then the directory carries what the pathway says of how to reach each agency
        JsonObject ahtu = organization(directory, "lnp-ahtu");
        assertThat(ahtu.getJsonArray("phones").getJsonObject(0).getString("number")).isEqualTo("+231770000101");
        assertThat(ahtu.getJsonArray("contacts").getJsonObject(0).getString("name")).isEqualTo("Duty Officer");
        JsonObject labourHours = organization(directory, "mol-labour").getJsonArray("openingHours").getJsonObject(0);
        assertThat(labourHours.getString("opens")).isEqualTo("08:00");
        assertThat(labourHours.getJsonArray("days")).containsExactly("mon", "tue", "wed", "thu", "fri");

        // and the HSDS export has the same, as linked tables, for directory staff only
        assertThat(asAgency.status()).isEqualTo(403);
        JsonObject hsds = new JsonObject(AgencyBed.ok(hsdsResponse));
        assertThat(hsds.getString("hsds_version")).isEqualTo("3.0");
        assertThat(rows(hsds, "organizations")).extracting(o -> o.getString("id")).contains("lnp-ahtu", "mol-labour");
        assertThat(rows(hsds, "phones")).anySatisfy(p -> {
            assertThat(p.getString("organization_id")).isEqualTo("lnp-ahtu");
            assertThat(p.getString("number")).isEqualTo("+231770000101");
        });
        assertThat(rows(hsds, "schedules")).anySatisfy(h -> {
            assertThat(h.getString("location_id")).isEqualTo("mol-labour/referral");
            assertThat(h.getString("byday")).isEqualTo("MO,TU,WE,TH,FR");
            assertThat(h.getString("opens_at")).isEqualTo("08:00");
            assertThat(h.getString("closes_at")).isEqualTo("17:00");
        });
        // every reference between the tables points at a row that exists
        var organizations = rows(hsds, "organizations").stream().map(o -> o.getString("id")).toList();
        var services = rows(hsds, "services").stream().map(o -> o.getString("id")).toList();
        var locations = rows(hsds, "locations").stream().map(o -> o.getString("id")).toList();
        assertThat(rows(hsds, "services")).allSatisfy(r -> assertThat(organizations).contains(r.getString("organization_id")));
        assertThat(rows(hsds, "service_at_locations")).allSatisfy(r -> {
            assertThat(services).contains(r.getString("service_id"));
            assertThat(locations).contains(r.getString("location_id"));
        });
        assertThat(rows(hsds, "service_areas")).allSatisfy(r -> assertThat(services).contains(r.getString("service_id")));
        assertThat(rows(hsds, "schedules")).allSatisfy(r -> assertThat(locations).contains(r.getString("location_id")));
        // and no referral channel (webhook address, secret) leaves in it
        assertThat(hsdsResponse.body()).doesNotContain("/agencies/").doesNotContain("secret");
    }

    private static JsonObject organization(JsonObject directory, String id) {
        return directory.getJsonArray("organizations").stream().map(JsonObject.class::cast)
                .filter(o -> o.getString("id").equals(id)).findFirst().orElseThrow();
    }

    private static java.util.List<JsonObject> rows(JsonObject hsds, String table) {
        return hsds.getJsonArray(table).stream().map(JsonObject.class::cast).toList();
    }

    /** Fails unless 200; the body. */

}
