package org.hotline.core.node;

import java.util.Map;
import java.util.Set;
import org.hotline.core.auth.Role;
import org.hotline.core.auth.SecondFactor;

/**
 * Second-factor configuration: {@code HOTLINE_TOTP_REQUIRED_ROLES}, the roles whose accounts must sign in with a
 * TOTP code (comma-separated role names, or {@code none}); by default supervisors, ministry administrators and
 * agency users. Accounts of other roles may enrol voluntarily.
 */
public record SecondFactorSettings(Set<Role> requiredRoles) {

    static final String REQUIRED_ROLES = "HOTLINE_TOTP_REQUIRED_ROLES";

    public SecondFactorSettings {
        requiredRoles = Set.copyOf(requiredRoles);
    }

    public static SecondFactorSettings fromEnv(Map<String, String> env) {
        return new SecondFactorSettings(new EnvReader(env).enumSet(REQUIRED_ROLES, Role.class,
                SecondFactor.DEFAULT_REQUIRED_ROLES));
    }
}
