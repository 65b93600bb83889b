package org.hotline.pathway;

import java.util.List;

/**
 * An organisation in the referral directory (Open Referral HSDS: organization with its services, service
 * areas as region codes, contacts, phones, languages) and the channels referrals reach it by.
 */
public record Agency(
        String id,
        String name,
        String kind,
        List<String> serviceAreas,
        List<String> languages,
        List<Channel> channels,
        List<Service> services) {

    public Agency {
        serviceAreas = List.copyOf(serviceAreas);
        languages = List.copyOf(languages);
        channels = List.copyOf(channels);
        services = List.copyOf(services);
    }

    /** An HSDS service the organisation offers. */
    public record Service(String id, String name, String description) {}
}
