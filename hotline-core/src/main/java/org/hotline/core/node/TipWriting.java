package org.hotline.core.node;

import org.hotline.core.intake.internal.TipJournal;
import org.hotline.core.intake.internal.TipWriter;
import org.hotline.core.metrics.HotlineMetrics;
import org.hotline.core.routing.TipRouter;
import org.hotline.core.storage.MongoStore;
import org.hotline.core.tip.SealedTip;
import org.hotline.core.tip.internal.MongoTipRepository;

/** The node's tip writer: what follows each stored batch for the node's roles, and the replay after a restart. */
final class TipWriting {

    private TipWriting() {}

    /** Starts the writer and queues what the journal still holds, callers in danger first. */
    static TipWriter<SealedTip> start(MongoStore mongo, MongoTipRepository tips, TipJournal journal, TipRouter router,
            NodeRoles roles, HotlineMetrics metrics) {
        // A node that takes calls and dispatches routes its tips as soon as they are stored; any other node leaves
        // them to a back-office node's routing poll (BackOfficeRouting), so no caller-facing CPU goes to routing.
        boolean routesAtOnce = roles.has(NodeRoles.Role.DISPATCH) && roles.has(NodeRoles.Role.IVR);
        TipWriter<SealedTip> writer = TipWriter.forTips(mongo, tips::insertAllAbsent, journal, batch -> {
            if (routesAtOnce) {
                router.routeAll(batch.stream().map(tips::decode).toList());
            }
        }, metrics);
        writer.start();
        // a crash must not cost a caller in danger the place the emergency lane gave them
        writer.replay(journal.unconfirmed(), SealedTip::fromBson, sealed -> tips.decode(sealed).caseFile().immediateDanger());
        return writer;
    }
}
