package org.hotline.core.live;

import java.util.Optional;
import org.hotline.core.auth.Principal;

/**
 * Which phone (Asterisk queue member interface, e.g. {@code PJSIP/op-ana}) belongs to a signed-in operator.
 * Implementations may block (storage); call them off the event loop.
 */
public interface OperatorDirectory {

    /** Interfaces look like {@code TECH/resource}: letters, digits and {@code _-.@:}, at most 80 characters. */
    String INTERFACE_PATTERN = "[A-Za-z]{2,10}/[A-Za-z0-9_.@:-]{1,69}";

    Optional<String> agentInterface(Principal principal);

    static boolean isValidInterface(String iface) {
        return iface != null && iface.matches(INTERFACE_PATTERN);
    }
}
