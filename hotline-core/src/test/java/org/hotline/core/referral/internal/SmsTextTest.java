package org.hotline.core.referral.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmsTextTest {

    @Test
    void shouldFillTemplatePlaceholdersAndDashForMissingValues() {
        // given
        Map<String, String> values = new LinkedHashMap<>();
        values.put("reference", "K7Q2M");
        values.put("category", null);

        // when
        String text = SmsText.render("Ref {reference} ({category})", values);

        // then
        assertThat(text).isEqualTo("Ref K7Q2M (-)");
    }

    @Test
    void shouldCountGsmExtensionCharactersTwice() {
        assertThat(SmsText.isGsm("Ack by 10:00 [urgent] €")).isTrue();
        assertThat(SmsText.units("[€]")).isEqualTo(6);
        assertThat(SmsText.units("abc")).isEqualTo(3);
    }

    @Test
    void shouldUseSegmentLimitsOfGsmAndUcs2() {
        assertThat(SmsText.segments("a".repeat(160))).isEqualTo(1);
        assertThat(SmsText.segments("a".repeat(161))).isEqualTo(2);
        assertThat(SmsText.segments("a".repeat(306))).isEqualTo(2);
        assertThat(SmsText.segments("a".repeat(307))).isEqualTo(3);
        assertThat(SmsText.segments("{".repeat(80))).isEqualTo(1);
        assertThat(SmsText.segments("{".repeat(81))).isEqualTo(2);
        assertThat(SmsText.segments("ş".repeat(70))).isEqualTo(1);
        assertThat(SmsText.segments("ş".repeat(71))).isEqualTo(2);
    }

    @Test
    void shouldCutLongTextToTheAllowedPartsAndMarkTheCut() {
        // given
        String gsm = "Referral K7Q2M " + "x".repeat(300);
        String ucs2 = "Référence K7Q2M ş" + "y".repeat(100);

        // when
        String fittedGsm = SmsText.fit(gsm, "", 1);
        String fittedUcs2 = SmsText.fit(ucs2, "", 1);

        // then
        assertThat(SmsText.segments(fittedGsm)).isEqualTo(1);
        assertThat(fittedGsm).hasSize(160).startsWith("Referral K7Q2M ").endsWith("..");
        assertThat(SmsText.segments(fittedUcs2)).isEqualTo(1);
        assertThat(fittedUcs2).hasSize(70).endsWith("..");
        assertThat(SmsText.fit("short", "", 1)).isEqualTo("short");
        assertThat(SmsText.fit(gsm, "", 3)).isEqualTo(gsm);
        assertThat(SmsText.fit(gsm + "x".repeat(300), "", 3)).hasSize(3 * 153).endsWith("..");
    }

    @Test
    void shouldNeverCutTheLinkButMoveItWholeToTheEnd() {
        // given a long notice with the link in the middle
        String link = "https://hotline.example.gov.lr/agency/referrals/6f1c2a9e-3b7d-4e55-9a1f-2c8d7e6b5a41%3Amol-labour";
        String text = "Referral K7Q2M " + link + " " + "please call the duty desk at once ".repeat(10);

        // when
        String fitted = SmsText.fit(text, link, 1);

        // then
        assertThat(SmsText.segments(fitted)).isEqualTo(1);
        assertThat(fitted).startsWith("Referral K7Q2M please").endsWith(".. " + link);
    }

    @Test
    void shouldSendALinkTooLongToCutAroundWhole() {
        // given a link that alone fills one SMS
        String link = "https://hotline.example/" + "a".repeat(170);

        // when / then
        assertThat(SmsText.fit("See " + link, link, 1)).isEqualTo("See " + link);
    }

    @Test
    void shouldNotSplitExtensionCharacterAtCut() {
        // given: 157 plain characters then euro signs (two units each)
        String text = "a".repeat(157) + "€€€";

        // when
        String fitted = SmsText.fit(text, "", 1);

        // then
        assertThat(SmsText.units(fitted)).isLessThanOrEqualTo(160);
        assertThat(fitted).isEqualTo("a".repeat(157) + "..");
    }
}
