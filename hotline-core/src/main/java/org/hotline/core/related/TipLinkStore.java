package org.hotline.core.related;

import java.util.List;

/** Where links between reports are kept (MongoDB {@code tip_links}, one per pair); implementations block. */
public interface TipLinkStore {

    /** Keeps the link unless the pair is linked already; true when it was added. */
    boolean add(TipLink link);

    /** Removes the pair's link; false when there was none. */
    boolean remove(String reference, String other);

    /** The links that involve {@code reference}. */
    List<TipLink> of(String reference);
}
