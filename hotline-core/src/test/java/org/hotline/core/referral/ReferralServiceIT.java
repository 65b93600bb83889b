package org.hotline.core.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline.core.referral.DispatchTestBed.TIP_FIELDS;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.Document;
import org.hotline.pathway.Channel;
import org.hotline.pathway.Pathway;
import org.hotline.pathway.Recipient;
import org.hotline.pathway.Routing;
import org.hotline.pathway.TipFields;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReferralServiceIT {

    @TempDir
    Path dataDir;

    private DispatchTestBed bed;
    private ReferralService referrals;
    private Pathway pathway;
    private Routing routing;

    @BeforeEach
    void setUp() {
        bed = new DispatchTestBed(dataDir);
        referrals = bed.node(DispatchTestBed.config("node-a").build()).referrals();
        pathway = DispatchTestBed.pathway(null, null);
        routing = pathway.route(TipFields.facts(TIP_FIELDS));
    }

    @AfterEach
    void tearDown() throws Exception {
        bed.close();
    }

    @Test
    void shouldStoreOnePendingReferralPerRecipientWithEverythingDispatchNeeds() {
        // when
        List<String> ids = referrals.createReferrals("tip-1", "K7Q2M", TIP_FIELDS, routing, pathway);

        // then
        assertThat(ids).containsExactly("tip-1:police", "tip-1:labour");
        Referral police = referrals.find("tip-1:police").orElseThrow();
        assertThat(police.state()).isEqualTo(ReferralState.PENDING);
        assertThat(police.priority()).isEqualTo("IMMEDIATE");
        assertThat(police.channel()).isEqualTo("webhook");
        assertThat(police.category()).isEqualTo("forced_labour");
        assertThat(police.pathwayId()).isEqualTo("dispatch-test");
        assertThat(police.pathwayVersion()).isEqualTo("1");
        assertThat(police.matchedRules()).containsExactly("immediate-danger");
        assertThat(police.escalationChain()).isNotEmpty().containsExactlyElementsOf(routing.recipients().get(0).escalationChain());
        assertThat(police.createdAt()).isEqualTo(DispatchTestBed.T0);
        assertThat(police.nextAttemptAt()).isEqualTo(DispatchTestBed.T0);
        assertThat(police.ackDeadline()).isEqualTo(DispatchTestBed.T0.plus(Duration.ofMinutes(30)));
        assertThat(police.attempts()).isEmpty();
        assertThat(police.idempotencyKey()).isNotBlank()
                .isNotEqualTo(referrals.find("tip-1:labour").orElseThrow().idempotencyKey());
        assertThat(police.payload()).containsOnlyKeys("reference", "exploitationType", "region", "immediateDanger", "narrative");
        Document stored = referralsCollection().find(new Document("_id", "tip-1:police")).first();
        assertThat(stored.getList("withheld", String.class)).containsExactly("callerPhone");
        assertThat(referrals.find("tip-1:labour").orElseThrow().payload()).containsOnlyKeys("exploitationType", "region");
    }

    @Test
    void shouldCreateNothingNewWhenCalledTwiceForOneTip() {
        // given
        referrals.createReferrals("tip-2", "M3X9P", TIP_FIELDS, routing, pathway);
        Referral first = referrals.find("tip-2:police").orElseThrow();
        bed.clock.advance(Duration.ofMinutes(1));

        // when
        List<String> again = referrals.createReferrals("tip-2", "M3X9P", TIP_FIELDS, routing, pathway);

        // then
        assertThat(again).containsExactly("tip-2:police", "tip-2:labour");
        assertThat(referralsCollection().countDocuments()).isEqualTo(2);
        assertThat(referrals.find("tip-2:police").orElseThrow()).isEqualTo(first);
        assertThat(bed.metrics.registry().getSampleValue("hotline_referrals_created_total",
                new String[] {"agency"}, new String[] {"police"})).isEqualTo(1.0);
    }

    @Test
    void shouldInsertOnlyTheMissingReferralWhenSomeOfATipsExistAlready() {
        // given: one of the tip's two referrals is already stored, the other is not
        referrals.createReferrals("tip-4", "P4RT1", TIP_FIELDS, routing, pathway);
        Referral police = referrals.find("tip-4:police").orElseThrow();
        referralsCollection().deleteOne(new Document("_id", "tip-4:labour"));
        bed.clock.advance(Duration.ofMinutes(1));

        // when
        List<String> again = referrals.createReferrals("tip-4", "P4RT1", TIP_FIELDS, routing, pathway);

        // then: the existing one is untouched, the missing one is back, each counted once per insert
        assertThat(again).containsExactly("tip-4:police", "tip-4:labour");
        assertThat(referrals.find("tip-4:police").orElseThrow()).isEqualTo(police);
        assertThat(referrals.find("tip-4:labour").orElseThrow().createdAt())
                .isEqualTo(DispatchTestBed.T0.plus(Duration.ofMinutes(1)));
        assertThat(bed.metrics.registry().getSampleValue("hotline_referrals_created_total",
                new String[] {"agency"}, new String[] {"police"})).isEqualTo(1.0);
        assertThat(bed.metrics.registry().getSampleValue("hotline_referrals_created_total",
                new String[] {"agency"}, new String[] {"labour"})).isEqualTo(2.0);
    }

    @Test
    void shouldKeepPathwayVersionOfExistingReferralWhenNewVersionRoutesSameTip() {
        // given
        referrals.createReferrals("tip-3", "V3RS1", TIP_FIELDS, routing, pathway);
        Pathway v2 = TestPathways.load(Map.of("PATHWAY_VERSION", "2", "POLICE_URL", "http://127.0.0.1:9/v2"));

        // when
        referrals.createReferrals("tip-3", "V3RS1", TIP_FIELDS, v2.route(TipFields.facts(TIP_FIELDS)), v2);

        // then
        assertThat(referrals.forTip("tip-3")).extracting(Referral::pathwayVersion).containsOnly("1");
        Document police = referralsCollection().find(new Document("_id", "tip-3:police")).first();
        assertThat(police.getList("channels", Document.class).get(0).getString("url")).isEqualTo("http://127.0.0.1:9/police");
    }

    @ParameterizedTest
    @MethodSource("badRequests")
    void shouldRefuseBadRequestAndStoreNothing(BadRequest request, String expectedProblem) {
        // when / then
        assertThatThrownBy(() -> referrals.createReferrals(request.tipId(), request.reference(), request.fields(),
                request.routing(), request.pathway()))
                .isInstanceOf(InvalidReferralRequestException.class)
                .hasMessageContaining(expectedProblem);
        assertThat(referralsCollection().countDocuments()).isZero();
    }

    @Test
    void shouldReportEveryProblemAtOnce() {
        // when / then
        assertThatThrownBy(() -> referrals.createReferrals(" ", null, TIP_FIELDS, routing, pathway))
                .isInstanceOfSatisfying(InvalidReferralRequestException.class,
                        e -> assertThat(e.problems()).hasSize(2));
    }

    static Stream<Arguments> badRequests() {
        Pathway p = DispatchTestBed.pathway(null, null);
        Routing good = p.route(TipFields.facts(TIP_FIELDS));
        Recipient police = good.recipients().get(0);
        return Stream.of(
                bad("blank tip id", new BadRequest("", "K7Q2M", TIP_FIELDS, good, p), "tipId"),
                bad("missing reference", new BadRequest("tip-x", " ", TIP_FIELDS, good, p), "reference is required"),
                bad("missing fields", new BadRequest("tip-x", "K7Q2M", null, good, p), "tipFields is required"),
                bad("missing routing", new BadRequest("tip-x", "K7Q2M", TIP_FIELDS, null, p), "routing and pathway"),
                bad("routing of another version", new BadRequest("tip-x", "K7Q2M", TIP_FIELDS,
                        new Routing("dispatch-test", "0", good.recipients(), false), p), "but pathway dispatch-test@1"),
                bad("agency id with a dot", new BadRequest("tip-x", "K7Q2M", TIP_FIELDS,
                        routingOf(good, withAgency(police, "po.lice")), p), "agencyId must be"),
                bad("agency twice", new BadRequest("tip-x", "K7Q2M", TIP_FIELDS,
                        routingOf(good, police, police), p), "appears twice"),
                bad("no channels", new BadRequest("tip-x", "K7Q2M", TIP_FIELDS,
                        routingOf(good, withChannels(police, List.of())), p), "channels must not be empty"),
                bad("webhook that is not http", new BadRequest("tip-x", "K7Q2M", TIP_FIELDS,
                        routingOf(good, withChannels(police, List.of(new Channel.Webhook("ftp://x/y", "S")))), p),
                        "webhook url must be an http(s) URL"),
                bad("no acknowledgement deadline", new BadRequest("tip-x", "K7Q2M", TIP_FIELDS,
                        routingOf(good, withDeadline(police, Duration.ZERO)), p), "acknowledgeWithin"),
                bad("recipient the pathway does not know", new BadRequest("tip-x", "K7Q2M", TIP_FIELDS,
                        routingOf(good, withAgency(police, "stranger")), p), "recipient stranger"));
    }

    private static Arguments bad(String name, BadRequest request, String problem) {
        return Arguments.of(Named.of(name, request), problem);
    }

    private static Routing routingOf(Routing good, Recipient... recipients) {
        return new Routing(good.pathwayId(), good.pathwayVersion(), List.of(recipients), false);
    }

    private static Recipient withAgency(Recipient r, String agencyId) {
        return new Recipient(agencyId, r.agencyName(), r.profile(), r.fields(), r.priority(), r.acknowledgeWithin(),
                r.escalationChain(), r.channels(), r.matchedRules());
    }

    private static Recipient withChannels(Recipient r, List<Channel> channels) {
        return new Recipient(r.agencyId(), r.agencyName(), r.profile(), r.fields(), r.priority(), r.acknowledgeWithin(),
                r.escalationChain(), channels, r.matchedRules());
    }

    private static Recipient withDeadline(Recipient r, Duration within) {
        return new Recipient(r.agencyId(), r.agencyName(), r.profile(), r.fields(), r.priority(), within,
                r.escalationChain(), r.channels(), r.matchedRules());
    }

    private com.mongodb.client.MongoCollection<Document> referralsCollection() {
        return bed.mongo.database().getCollection("referrals");
    }

    record BadRequest(String tipId, String reference, Map<String, Object> fields, Routing routing, Pathway pathway) {}
}
