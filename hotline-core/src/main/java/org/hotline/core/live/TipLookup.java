package org.hotline.core.live;

import java.util.Optional;
import org.hotline.core.tip.Tip;

/** Reads a stored tip by its reference (blocking). In the node this is {@code TipQueries::byReference}. */
@FunctionalInterface
public interface TipLookup {

    Optional<Tip> byReference(String reference);
}
