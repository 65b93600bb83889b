package org.hotline.core.auth;

import java.util.Optional;
import java.util.Set;

/** The signed-in person behind a request. {@code agencyId} is present exactly for agency users. */
public record Principal(String userId, String username, Set<Role> roles, Optional<String> agencyId) {

    public Principal {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
