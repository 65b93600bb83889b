package org.hotline.core.e2e;

import java.nio.file.Files;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline.core.testsupport.RecordingAgency;
import org.hotline.pathway.Channel;
import org.hotline.pathway.LoadResult;
import org.hotline.pathway.PathwayLoader;
import org.hotline.pathway.Recipient;
import org.hotline.pathway.TipFacts;

/** What the shipped national pathway says should happen to a tip, for end-to-end assertions. */
public final class Expectations {

    private Expectations() {}

    /** Agencies with a webhook that the national pathway names for an adult, no-danger tip. */
    public static Set<String> webhookAgencies(Map<String, String> env, String exploitationType, String region) throws Exception {
        LoadResult loaded = PathwayLoader.load(Files.readString(TestFiles.NATIONAL_PATHWAY), "national.yaml", env);
        var pathway = ((LoadResult.Valid) loaded).pathway();
        List<Recipient> recipients = pathway.route(new TipFacts(exploitationType, region, false, false, null, false,
                null, Set.of("share_services", "statistics"))).recipients();
        return recipients.stream().filter(r -> r.channels().stream().anyMatch(c -> c instanceof Channel.Webhook))
                .map(Recipient::agencyId).collect(Collectors.toSet());
    }

    /** The agency id each receipt was addressed to ({@code …/agencies/<id>}). */
    public static List<String> agencyIds(Collection<RecordingAgency.Received> received) {
        return received.stream().map(r -> r.path().substring(r.path().lastIndexOf('/') + 1)).toList();
    }
}
