package org.hotline.pathway;

/**
 * What a loader accepts beyond the pathway's own rules, for the place it is loaded in.
 *
 * @param localWebhooksAllowed whether a webhook may point at the loading machine itself (loopback, link-local,
 *     the unspecified address or {@code localhost}). The lint alone allows it, since it does not know where the
 *     pathway will run; a node that routes real tips turns it off, so that a pathway cannot make it send
 *     victims' data to a service on its own host or to a cloud metadata address.
 */
public record LoadOptions(boolean localWebhooksAllowed) {

    /** The environment-free lint: any webhook host is accepted. */
    public static final LoadOptions ANY_WEBHOOK_HOST = new LoadOptions(true);
    /** A node routing real tips: webhooks to this machine are errors. */
    public static final LoadOptions NO_LOCAL_WEBHOOKS = new LoadOptions(false);
}
