package org.hotline.core.node;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a node runs ({@code HOTLINE_ROLES}): a deployment that outgrows one machine puts the call-facing role and
 * the back office on different machines over one MongoDB replica set. Unset, a node runs all three, as one
 * machine does. Every node, whatever its roles, keeps storage, the audit log, the pathway schedule and the HTTP
 * listener for {@code /health}, {@code /ready} and {@code /metrics}.
 */
record NodeRoles(Set<Role> roles) {

    static final String VARIABLE = "HOTLINE_ROLES";

    /** One role; its name in {@code HOTLINE_ROLES} is the lower-case constant. */
    enum Role {
        /** Caller-facing: the FastAGI server, tip intake, the call log, flow reloads, the text channels' webhooks. */
        IVR,
        /** Back office: routing, the dispatch worker, deadline sweeps and escalation, the duty ring, privacy jobs. */
        DISPATCH,
        /** Staff: the HTTP API and consoles of operators, supervisors, agencies and ministries. */
        WEB;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    NodeRoles {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    static NodeRoles all() {
        return new NodeRoles(EnumSet.allOf(Role.class));
    }

    /**
     * Reads {@code HOTLINE_ROLES}: a comma-separated list of {@code ivr}, {@code dispatch}, {@code web} (any case),
     * each at most once; unset means all three. An unknown role, an empty list or a repeated role stops start-up.
     */
    static NodeRoles fromEnv(Map<String, String> env) {
        Optional<java.util.List<String>> listed = new EnvReader(env).list(VARIABLE);
        if (listed.isEmpty()) {
            return all();
        }
        String raw = env.get(VARIABLE);
        Set<Role> out = EnumSet.noneOf(Role.class);
        for (String part : listed.get()) {
            String name = part.toLowerCase(Locale.ROOT);
            Optional<Role> role = Arrays.stream(Role.values()).filter(r -> r.label().equals(name)).findFirst();
            if (role.isEmpty()) {
                throw bad(raw, name.isEmpty() ? "an empty entry" : "the unknown role '" + name + "'");
            }
            if (!out.add(role.get())) {
                throw bad(raw, "'" + name + "' twice");
            }
        }
        return new NodeRoles(out);
    }

    boolean has(Role role) {
        return roles.contains(role);
    }

    /** A node with every role: one machine, or one of several equal nodes. */
    boolean isAll() {
        return roles.size() == Role.values().length;
    }

    /**
     * A back-office node: it dispatches but takes no calls, so it routes the tips every other node stores instead
     * of only its own (see {@link BackOfficeRouting}).
     */
    boolean backOffice() {
        return has(Role.DISPATCH) && !has(Role.IVR);
    }

    /** The roles as {@code HOTLINE_ROLES} spells them, in a fixed order (for the start-up line). */
    @Override
    public String toString() {
        return Arrays.stream(Role.values()).filter(roles::contains).map(Role::label).collect(Collectors.joining(","));
    }

    private static IllegalArgumentException bad(String raw, String what) {
        return new IllegalArgumentException("Configuration " + VARIABLE + "='" + raw + "' is invalid (" + what
                + "): expected a comma-separated list of ivr, dispatch, web, each at most once (unset: all three)");
    }
}
