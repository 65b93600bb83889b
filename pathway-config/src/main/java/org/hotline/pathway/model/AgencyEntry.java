package org.hotline.pathway.model;

import java.util.List;
import org.hotline.pathway.Agency;

/**
 * An agency as the directory describes it (Open Referral HSDS): the routing-relevant {@link Agency} plus
 * contacts, phones, opening schedule and the default next step when it does not acknowledge in time.
 */
public record AgencyEntry(
        Agency agency, List<Contact> contacts, List<Phone> phones, List<OpeningHours> schedule, String escalatesTo) {

    public AgencyEntry {
        contacts = List.copyOf(contacts);
        phones = List.copyOf(phones);
        schedule = List.copyOf(schedule);
    }

    public String id() {
        return agency.id();
    }

    /** HSDS contact: a focal point. */
    public record Contact(String name, String title, String email) {}

    /** HSDS phone. */
    public record Phone(String number, String description) {}

    /** HSDS regular schedule: days ({@code mon}..{@code sun}) with opening and closing times (HH:mm). */
    public record OpeningHours(List<String> days, String opens, String closes) {
        public OpeningHours {
            days = List.copyOf(days);
        }
    }
}
