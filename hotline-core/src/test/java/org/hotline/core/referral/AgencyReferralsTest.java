package org.hotline.core.referral;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class AgencyReferralsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void shouldMarkAnUnansweredReferralPastItsDeadlineAsOverdue() {
        // given
        Document late = referral("DELIVERED", NOW.minusSeconds(60));
        Document early = referral("DELIVERED", NOW.plusSeconds(60));
        Document answered = referral("ACKNOWLEDGED", NOW.minusSeconds(60));

        // when / then
        assertThat(AgencyReferrals.summary(late, NOW).getBoolean("overdue")).isTrue();
        assertThat(AgencyReferrals.summary(early, NOW).getBoolean("overdue")).isFalse();
        assertThat(AgencyReferrals.summary(answered, NOW).getBoolean("overdue")).isFalse();
    }

    @Test
    void shouldShowExactlyTheStoredPayloadAndNothingElseOfTheReferral() {
        // given
        Document doc = referral("DELIVERED", NOW.plusSeconds(60))
                .append("withheld", List.of("narrative", "callerName"))
                .append("consentOverrides", List.of(new Document("field", "callerPhone")))
                .append("matchedRules", List.of("labour-exploitation"))
                .append("category", "forced_labour");

        // when
        JsonObject view = AgencyReferrals.detail(doc, NOW);

        // then
        assertThat(view.getJsonObject("payload").fieldNames()).containsExactlyInAnyOrder("reference", "employer", "receivedAt",
                "controlMethods");
        assertThat(view.getJsonObject("payload").getString("receivedAt")).isEqualTo("2026-11-23T11:00:00Z");
        assertThat(view.getJsonObject("payload").getJsonArray("controlMethods").getList()).containsExactly("debt_bondage");
        assertThat(view.encode()).doesNotContain("narrative", "callerName", "callerPhone", "labour-exploitation",
                "forced_labour", "withheld");
        assertThat(view.getString("reference")).isEqualTo("123456789");
    }

    private static Document referral(String state, Instant deadline) {
        return new Document("_id", "tip-1:mol-labour").append("reference", "123456789").append("agencyId", "mol-labour")
                .append("state", state)
                .append("priority", "NORMAL").append("createdAt", Date.from(NOW.minusSeconds(3600)))
                .append("ackDeadline", Date.from(deadline))
                .append("payload", new Document("reference", "123456789").append("employer", "Kpatawee Rubber Farm")
                        .append("receivedAt", Date.from(NOW.minusSeconds(3600)))
                        .append("controlMethods", List.of("debt_bondage")));
    }
}
