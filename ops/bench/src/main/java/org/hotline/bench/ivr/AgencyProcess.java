package org.hotline.bench.ivr;

import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.bench.dispatch.AgencyReceivers;

/**
 * The agencies' webhook receiver of an IVR deployment under test, in a JVM of its own at nice {@value #NICE}:
 * agencies are other organisations' servers, so the CPU of receiving the node's referrals must not count as the
 * node's, nor take the calls' cores. (Inside the harness it shared a JVM with 10,000 simulated callers, answered
 * late and caused retries.) Prints {@code ready <port>}, then answers {@code stats} and {@code cpu} on stdin as
 * {@link ServerProcess} does; {@code quit} or end of input stops it.
 */
public final class AgencyProcess {

    /**
     * The nice value the receiver runs at: in production the agencies' servers have cores of their own, so here,
     * on the cores the calls share, the receiver yields them to the calls like the node's own back office does.
     */
    static final int NICE = 10;

    /** The node's environment variable naming this receiver's base URL (see {@link ServerProcess}). */
    static final String URL_VARIABLE = "HOTLINE_BENCH_AGENCY_URL";

    /** The first referrals received are named in the process's log (its stderr), to show where they went. */
    static final int LOGGED = 10;

    private AgencyProcess() {}

    public static void main(String[] args) throws Exception {
        AtomicInteger received = new AtomicInteger();
        try (AgencyReceivers agencies = AgencyReceivers.start(1, (agency, reference, nanos) -> {
            if (received.incrementAndGet() <= LOGGED) {
                System.err.println("agency: received a referral for " + reference);
            }
        })) {
            System.out.println("ready " + agencies.port(0));
            System.out.flush();
            ServerProcess.serveControl(null);
        }
        System.exit(0);
    }
}
