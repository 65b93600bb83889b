package org.hotline.core.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One de-identified case in a researchers' export. Field names follow HTCDS / CTDC where they exist
 * ({@code gender}, {@code ageBroad}, {@code citizenship}, {@code typeOfExploit}, {@code yearOfRegistration},
 * {@code caseStatus}). Every value is a generalised category; nothing here is free text, a name, a number, a
 * date or an identifier.
 */
public record ExportRecord(String ageBroad, String gender, String citizenship, String region, String typeOfExploit,
        int yearOfRegistration, String quarterOfRegistration, String caseStatus) {

    /** Every field an export may contain, in column order. */
    public static final List<String> FIELDS = List.of("ageBroad", "gender", "citizenship", "region",
            "typeOfExploit", "yearOfRegistration", "quarterOfRegistration", "caseStatus");

    /** The quasi-identifiers: fields that, combined, could single someone out; k-anonymity holds over them. */
    public static final List<String> QUASI_IDENTIFIERS = FIELDS.subList(0, 7);

    /** The quasi-identifier values in {@link #QUASI_IDENTIFIERS} order. */
    public List<String> quasiIdentifiers() {
        return List.of(ageBroad, gender, citizenship, region, typeOfExploit, String.valueOf(yearOfRegistration),
                quarterOfRegistration);
    }

    /** Field name to value, in {@link #FIELDS} order. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("ageBroad", ageBroad);
        map.put("gender", gender);
        map.put("citizenship", citizenship);
        map.put("region", region);
        map.put("typeOfExploit", typeOfExploit);
        map.put("yearOfRegistration", yearOfRegistration);
        map.put("quarterOfRegistration", quarterOfRegistration);
        map.put("caseStatus", caseStatus);
        return map;
    }
}
