package org.hotline.core.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hotline.core.auth.Role;
import org.hotline.core.referral.AnswerLinks;
import org.hotline.core.referral.ReferralAnswers;
import org.hotline.core.testsupport.BrowserScripts;
import org.hotline.core.testsupport.Staff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agency pages in headless Chromium against a real node: the labour inspectorate's focal point signs in,
 * acknowledges its referral and records an outcome, and cannot open the Sierra Leone counterpart's referral by
 * URL or API; an e-mail answer link is confirmed on its page and refused when replayed; a supervisor sees the
 * directory with channel health. Screenshots land in {@code <build dir>/screenshots/}.
 */
class AgencyBrowserIT {

    @TempDir
    Path dir;

    private AgencyBed bed;

    @BeforeEach
    void start() throws Exception {
        BrowserScripts.require();
        bed = new AgencyBed(dir);
    }

    @AfterEach
    void stop() throws Exception {
        if (bed != null) {
            bed.close();
        }
    }

    @Test
    void shouldLetAnAgencyAnswerItsReferralButNotReachAnotherAgencys() throws Exception {
        // given
        String tipId = bed.fileTip();
        String own = tipId + ":mol-labour";
        String other = tipId + ":sl-counterpart";
        String linked = tipId + ":lis";
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(bed.referral(own).getString("state")));
        Staff.create(bed.node.mongo(), "sia.supervisor", Set.of(Role.SUPERVISOR), Optional.empty());
        String token = new AnswerLinks(AgencyBed.LINK_KEY.getBytes(StandardCharsets.UTF_8),
                new ReferralAnswers(bed.node.mongo().database(), bed.node.metrics(), Clock.systemUTC()),
                bed.node.mongo().database(), AnswerLinks.DEFAULT_VALIDITY, Clock.systemUTC())
                .token(linked, "lis", AnswerLinks.Action.ACKNOWLEDGE);

        // when
        BrowserScripts.Run run = BrowserScripts.run("agency.mjs", List.of("http://127.0.0.1:" + bed.node.httpPort(),
                "lara.labour", "sia.supervisor", Staff.PASSWORD, BrowserScripts.screenshots().toString(), own, other,
                token), 180, line -> { });

        // then
        assertThat(run.exitCode()).as("browser script output: %s", run.lines()).isZero();
        JsonObject seen = new JsonObject(run.last());
        assertThat(seen.getJsonArray("problems")).isEmpty();
        assertThat(seen.getJsonArray("listed").getList()).containsExactly(own);
        assertThat(seen.getString("detailUrl")).endsWith("/agency/referrals/" + own.replace(":", "%3A"));
        assertThat(seen.getJsonArray("payloadFields").getList()).contains("employer", "sector").doesNotContain("narrative");
        assertThat(seen.getString("pageText")).contains(AgencyBed.TIP_VALUES.get("employer"))
                .doesNotContain(AgencyBed.TIP_VALUES.get("narrative"), AgencyBed.TIP_VALUES.get("callerName"));
        assertThat(seen.getJsonArray("unlabelled")).isEmpty();
        assertThat(seen.getString("stateAfterAck")).contains("acknowledged");
        assertThat(seen.getJsonArray("outcomes").encode()).contains("investigation opened", "Inspectors visit the farm");
        assertThat(bed.referral(own).getString("state")).isEqualTo("OUTCOME_RECORDED");
        assertThat(seen.getString("otherByUrl")).contains("There is no referral at this address");
        assertThat(seen.getInteger("otherByApi")).isEqualTo(404);
        assertThat(bed.referral(other).get("history")).isNull();
        assertThat(seen.getString("linkQuestion")).contains("Acknowledge referral");
        assertThat(seen.getString("linkResult")).contains("acknowledged");
        assertThat(seen.getInteger("linkReplayStatus")).isEqualTo(400);
        assertThat(bed.referral(linked).getString("state")).isEqualTo("ACKNOWLEDGED");
        assertThat(seen.getJsonArray("organizations").getList()).contains("mol-labour", "sl-counterpart", "nattf");
        assertThat(seen.getJsonArray("labourChannels").encode()).contains("webhook", "closed");
        assertThat(seen.getJsonArray("directoryUnlabelled")).isEmpty();
        for (String shot : List.of("agency-list.png", "agency-outcome-recorded.png", "agency-other-referral.png",
                "answer-link-confirm.png", "agency-directory.png")) {
            assertThat(BrowserScripts.screenshots().resolve(shot)).isNotEmptyFile();
        }
    }
}
