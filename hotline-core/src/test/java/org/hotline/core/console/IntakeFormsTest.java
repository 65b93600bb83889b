package org.hotline.core.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IntakeFormsTest {

    private static final Set<String> REGIONS = Set.of("MO", "BO", "NI");
    /** The IVR's languages: one per prompt catalogue, here with a partial Burmese one. */
    private static final java.util.List<String> LANGUAGES = java.util.List.of("en", "es", "fr", "my");

    @Test
    void shouldAcceptACompleteFormAndStoreListsAsCodes() {
        // when
        IntakeValidation result = IntakeForms.validate(IntakeFormBodies.forcedLabour(), REGIONS, LANGUAGES);
        // then
        assertThat(result).isInstanceOf(IntakeValidation.Valid.class);
        IntakeForm form = ((IntakeValidation.Valid) result).form();
        assertThat(form.reference()).isEmpty();
        assertThat(form.fields()).containsEntry("victimCount", 12).containsEntry("victimNationality", "SL")
                .containsEntry("needs", "shelter,legal,repatriation")
                .containsEntry("controlMethods", "debt_bondage,withheld_documents")
                .containsEntry("employer", IntakeFormBodies.EMPLOYER)
                .doesNotContainKey("callbackWindow");
        assertThat(form.consents()).hasSize(5).containsEntry("share_services", true);
    }

    @Test
    void shouldAcceptAFormCompletingATipWithAValidReference() {
        IntakeValidation result = IntakeForms.validate(IntakeFormBodies.forcedLabour().put("reference", "000000000"), REGIONS, LANGUAGES);
        assertThat(((IntakeValidation.Valid) result).form().reference()).contains("000000000");
    }

    static Object[][] badForms() {
        return new Object[][] {
            {"reference", (Consumer<JsonObject>) f -> f.put("reference", "123456780")},
            {"reference", (Consumer<JsonObject>) f -> f.put("reference", 123)},
            {"callerRole", (Consumer<JsonObject>) f -> f.remove("callerRole")},
            {"callerRole", (Consumer<JsonObject>) f -> f.put("callerRole", "boss")},
            {"exploitationType", (Consumer<JsonObject>) f -> f.put("exploitationType", "")},
            {"region", (Consumer<JsonObject>) f -> f.put("region", "ZZ")},
            {"language", (Consumer<JsonObject>) f -> f.put("language", "klingon")},
            {"childInvolved", (Consumer<JsonObject>) f -> f.remove("childInvolved")},
            {"immediateDanger", (Consumer<JsonObject>) f -> f.put("immediateDanger", "yes")},
            {"crossBorder", (Consumer<JsonObject>) f -> f.put("crossBorder", 1)},
            {"victims", (Consumer<JsonObject>) f -> f.remove("victims")},
            {"victims", (Consumer<JsonObject>) f -> f.put("victims", "many")},
            {"victims.count", (Consumer<JsonObject>) f -> f.getJsonObject("victims").put("count", 0)},
            {"victims.count", (Consumer<JsonObject>) f -> f.getJsonObject("victims").put("count", 2.5)},
            {"victims.count", (Consumer<JsonObject>) f -> f.getJsonObject("victims").put("count", 1001)},
            {"victims.count", (Consumer<JsonObject>) f -> f.getJsonObject("victims").put("count", 4_294_967_301L)},
            {"victims.count", (Consumer<JsonObject>) f -> f.getJsonObject("victims").put("count", -4_294_967_295L)},
            {"victims.ageGroup", (Consumer<JsonObject>) f -> f.getJsonObject("victims").put("ageGroup", "old")},
            {"victims.gender", (Consumer<JsonObject>) f -> f.getJsonObject("victims").remove("gender")},
            {"victims.nationality", (Consumer<JsonObject>) f -> f.getJsonObject("victims").put("nationality", "XX")},
            {"victims.nationality", (Consumer<JsonObject>) f -> f.getJsonObject("victims").remove("nationality")},
            {"childInvolved", (Consumer<JsonObject>) f -> f.getJsonObject("victims").put("ageGroup", "child_12_17")},
            {"location", (Consumer<JsonObject>) f -> f.put("location", "x".repeat(201))},
            {"narrative", (Consumer<JsonObject>) f -> f.put("narrative", "bell\u0007")},
            {"employer", (Consumer<JsonObject>) f -> f.put("employer", new JsonObject())},
            {"recruitment", (Consumer<JsonObject>) f -> f.put("recruitment", "kidnap")},
            {"controlMethods", (Consumer<JsonObject>) f -> f.put("controlMethods", new JsonArray().add("magic"))},
            {"controlMethods", (Consumer<JsonObject>) f -> f.put("controlMethods", "threats")},
            {"needs", (Consumer<JsonObject>) f -> f.put("needs", new JsonArray())},
            {"needs.food", (Consumer<JsonObject>) f -> f.getJsonObject("needs").put("food", true)},
            {"needs.shelter", (Consumer<JsonObject>) f -> f.getJsonObject("needs").put("shelter", "yes")},
            {"callerPhone", (Consumer<JsonObject>) f -> f.put("callerPhone", "call me maybe")},
            {"callbackWindow", (Consumer<JsonObject>) f -> f.put("callbackWindow", "midnight")},
            {"callbackWindow", (Consumer<JsonObject>) f -> f.put("callbackWindow", "morning")},
            {"callbackWindow", (Consumer<JsonObject>) f -> f.getJsonObject("consents").put("callback", true)},
            {"consents", (Consumer<JsonObject>) f -> f.remove("consents")},
            {"consents.record", (Consumer<JsonObject>) f -> f.getJsonObject("consents").remove("record")},
            {"consents.statistics", (Consumer<JsonObject>) f -> f.getJsonObject("consents").put("statistics", "yes")},
            {"consents.marketing", (Consumer<JsonObject>) f -> f.getJsonObject("consents").put("marketing", true)},
            {"favouriteColour", (Consumer<JsonObject>) f -> f.put("favouriteColour", "blue")},
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badForms")
    void shouldNameTheBadFieldWhenOneFieldIsWrong(String field, Consumer<JsonObject> spoil) {
        // given
        JsonObject form = IntakeFormBodies.forcedLabour();
        spoil.accept(form);
        // when
        IntakeValidation result = IntakeForms.validate(form, REGIONS, LANGUAGES);
        // then
        assertThat(result).isInstanceOf(IntakeValidation.Invalid.class);
        Map<String, String> errors = ((IntakeValidation.Invalid) result).errors();
        assertThat(errors).containsOnlyKeys(field);
        assertThat(errors.get(field)).isNotBlank();
    }

    @Test
    void shouldReportEveryProblemAtOnce() {
        // when
        IntakeValidation result = IntakeForms.validate(new JsonObject(), REGIONS, LANGUAGES);
        // then
        assertThat(((IntakeValidation.Invalid) result).errors()).containsKeys("callerRole", "exploitationType",
                "region", "childInvolved", "immediateDanger", "victims", "consents");
    }

    @Test
    void shouldAcceptACallbackWithItsSafeWindow() {
        JsonObject form = IntakeFormBodies.forcedLabour().put("callbackWindow", "evening").put("callerPhone", "+231 77 000 0000");
        form.getJsonObject("consents").put("callback", true);
        IntakeForm valid = ((IntakeValidation.Valid) IntakeForms.validate(form, REGIONS, LANGUAGES)).form();
        assertThat(valid.fields()).containsEntry("callbackWindow", "evening").containsEntry("callerPhone", "+231 77 000 0000");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"es", "my", "other"})
    void shouldAcceptEveryLanguageTheIvrOffersAndOther(String language) {
        // when
        IntakeValidation result = IntakeForms.validate(IntakeFormBodies.forcedLabour().put("language", language),
                REGIONS, LANGUAGES);

        // then
        assertThat(result).isInstanceOfSatisfying(IntakeValidation.Valid.class,
                valid -> assertThat(valid.form().fields()).containsEntry("language", language));
    }

    @Test
    void shouldRefuseALanguageWithoutACatalogue() {
        // when: Hausa has no prompt catalogue here
        IntakeValidation result = IntakeForms.validate(IntakeFormBodies.forcedLabour().put("language", "ha"),
                REGIONS, LANGUAGES);

        // then
        assertThat(((IntakeValidation.Invalid) result).errors()).containsKey("language");
        assertThat(IntakeForms.choices(LANGUAGES)).containsExactly("en", "es", "fr", "my", "other");
    }
}
