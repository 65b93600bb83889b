package org.hotline.pathway.model;

import java.time.LocalDate;

/** The {@code pathway:} section: which pathway this is and which version of it. */
public record Header(String id, String version, String name, String country, LocalDate effectiveFrom) {}
