package org.hotline.core.cli;

import org.hotline.core.node.Hotline;
import org.hotline.core.node.HotlineConfig;
import org.hotline.core.node.SecondFactorSettings;
import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotline.core.audit.AuditLog;
import org.hotline.core.auth.AccountException;
import org.hotline.core.auth.PasswordHasher;
import org.hotline.core.auth.Role;
import org.hotline.core.auth.SecondFactor;
import org.hotline.core.auth.UserAccounts;
import org.hotline.core.live.OperatorDirectory;
import org.hotline.core.live.internal.MongoOperatorDirectory;
import org.hotline.core.pathway.ActivePathway;
import org.hotline.core.pathway.PathwayLifecycle;
import org.hotline.core.security.ServerKey;
import org.hotline.core.storage.MongoStore;
import org.hotline.pathway.Agency;
import org.hotline.pathway.Pathway;

/**
 * {@code ./hotline admin create-user --username NAME --role ROLE [--role ROLE] [--agency ID] [--phone IFACE]}:
 * creates a staff account; an agency user's {@code --agency} must be an agency of the active pathway; an operator's {@code --phone} is the Asterisk interface their calls ring on. The password is read from {@code HOTLINE_NEW_PASSWORD} or typed twice at the terminal (never an
 * argument, so it stays out of shell history and process lists). There are no default accounts.
 * {@code ./hotline admin reset-totp --username NAME} removes an account's second factor (lost phone and recovery
 * codes, after checking who asks): its owner enrols afresh at the next sign-in. Audited.
 */
public final class AdminCli {

    private AdminCli() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 3 && "reset-totp".equals(args[0]) && "--username".equals(args[1])) {
            return resetTotp(args[2], env, out, err);
        }
        if (args.length == 0 || !"create-user".equals(args[0])) {
            err.println("usage: ./hotline admin create-user --username NAME --role ROLE [--role ROLE] [--agency ID]"
                    + " [--phone PJSIP/op-name]");
            err.println("       ./hotline admin reset-totp --username NAME");
            err.println("roles: " + EnumSet.allOf(Role.class));
            return 2;
        }
        String username = null;
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Optional<String> agency = Optional.empty();
        Optional<String> phone = Optional.empty();
        for (int i = 1; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                err.println("admin: " + flag + " needs a value");
                return 2;
            }
            String value = args[++i];
            switch (flag) {
                case "--username" -> username = value;
                case "--agency" -> agency = Optional.of(value);
                case "--phone" -> {
                    if (!OperatorDirectory.isValidInterface(value)) {
                        err.println("admin: --phone is the operator's Asterisk interface, e.g. PJSIP/op-ana");
                        return 2;
                    }
                    phone = Optional.of(value);
                }
                case "--role" -> {
                    try {
                        roles.add(Role.valueOf(value.toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        err.println("admin: unknown role '" + value + "'; roles: " + EnumSet.allOf(Role.class));
                        return 2;
                    }
                }
                default -> {
                    err.println("admin: unknown option " + flag);
                    return 2;
                }
            }
        }
        char[] password = password(env, err);
        if (password == null) {
            return 2;
        }
        HotlineConfig config = HotlineConfig.fromEnv(env);
        try (MongoStore store = MongoStore.forTools(config.mongoUri(), config.dataDir().resolve("mongo"), config.mongoDatabase())) {
            ServerKey key = ServerKey.load(config.serverKey(), config.dataDir());
            AuditLog audit = Hotline.auditLog(store, key, Clock.systemUTC(), () -> { });
            UserAccounts accounts = accounts(store, config, env, key, audit);
            if (agency.isPresent()) {
                Set<String> known = activeAgencies(store, audit, config, env);
                if (!known.contains(agency.get())) {
                    err.println("admin: --agency '" + agency.get() + "' is not an agency of the active pathway; agencies: "
                            + new java.util.TreeSet<>(known));
                    return 1;
                }
            }
            String id = accounts.create(username, password, roles, agency, "cli:" + System.getProperty("user.name"));
            phone.ifPresent(iface -> new MongoOperatorDirectory(store).assign(id, iface));
            store.flush();
            out.println("admin: created user '" + username + "' (" + id + ") with roles " + roles
                    + phone.map(p -> ", phone " + p).orElse(""));
            return 0;
        } catch (AccountException e) {
            err.println("admin: " + e.getMessage());
            return 1;
        }
    }

    private static int resetTotp(String username, Map<String, String> env, PrintStream out, PrintStream err) {
        HotlineConfig config = HotlineConfig.fromEnv(env);
        try (MongoStore store = MongoStore.forTools(config.mongoUri(), config.dataDir().resolve("mongo"), config.mongoDatabase())) {
            ServerKey key = ServerKey.load(config.serverKey(), config.dataDir());
            AuditLog audit = Hotline.auditLog(store, key, Clock.systemUTC(), () -> { });
            boolean found = accounts(store, config, env, key, audit).resetSecondFactor(username, "cli:" + System.getProperty("user.name"));
            store.flush();
            if (!found) {
                err.println("admin: there is no account named '" + username + "'");
                return 1;
            }
            out.println("admin: reset the second factor of '" + username + "'; it enrols again at the next sign-in");
            return 0;
        }
    }

    /** The accounts as the node sees them: the same audit chain, server key and second-factor roles. */
    private static UserAccounts accounts(MongoStore store, HotlineConfig config, Map<String, String> env, ServerKey key,
            AuditLog audit) {
        UserAccounts accounts = new UserAccounts(store, new PasswordHasher(config.passwordIterations()), audit,
                Clock.systemUTC(), new SecondFactor(store, key, SecondFactorSettings.fromEnv(env).requiredRoles(),
                        Clock.systemUTC()));
        accounts.ensureIndexes();
        return accounts;
    }

    /** The agency ids of the pathway in force: the stored active version, else the start-up file. */
    private static Set<String> activeAgencies(MongoStore store, AuditLog audit, HotlineConfig config,
            Map<String, String> env) {
        // Only the agency ids are read and nothing is sent, so where the webhooks point does not matter here.
        Map<String, String> anyTarget = new java.util.HashMap<>(env);
        anyTarget.put("HOTLINE_ALLOW_LOCAL_WEBHOOKS", "true");
        PathwayLifecycle lifecycle = new PathwayLifecycle(store, audit, anyTarget, Clock.systemUTC(), Integer.MAX_VALUE);
        Pathway pathway = lifecycle.activationNow().map(a -> lifecycle.compile(lifecycle.get(a.versionId())))
                .orElseGet(() -> ActivePathway.fromFile(config.pathwayFile(), anyTarget).get());
        return pathway.agencies().stream().map(Agency::id).collect(java.util.stream.Collectors.toSet());
    }

    private static char[] password(Map<String, String> env, PrintStream err) throws Exception {
        String fromEnv = env.get("HOTLINE_NEW_PASSWORD");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("New password: ");
            char[] second = console.readPassword("Again: ");
            if (first == null || !java.util.Arrays.equals(first, second)) {
                err.println("admin: the passwords differ");
                return null;
            }
            return first;
        }
        List<String> lines = new ArrayList<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        if (line == null || line.isEmpty()) {
            err.println("admin: give the password on standard input or in HOTLINE_NEW_PASSWORD");
            return null;
        }
        lines.add(line);
        return lines.getFirst().toCharArray();
    }
}
