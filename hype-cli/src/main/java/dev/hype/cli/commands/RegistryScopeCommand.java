package dev.hype.cli.commands;

import dev.hype.registry.auth.ScopeStore;
import dev.hype.runtime.HypeException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Manage scope members on the registry host: {@code hype registry scope ls|add|rm}. Members publish new packages in
 * the scope; the registry's own API for this is npm's ({@code npm org set|rm|ls} against the registry).
 */
@Command(name = "scope", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = {"Manage who may publish new packages in a scope, on the registry host. A scope belongs to",
            "whoever first publishes in it; members are owners, admins or developers (as npm org)."},
        subcommands = {RegistryScopeCommand.Ls.class, RegistryScopeCommand.Add.class, RegistryScopeCommand.Rm.class})
public final class RegistryScopeCommand {
    /** Code of a change the roster does not allow. */
    static final String SCOPE_CHANGE = "E_SCOPE_CHANGE";

    /** The options every scope subcommand shares. */
    static class Base {
        @Spec
        CommandSpec spec;

        @Option(names = "--storage", paramLabel = "DIR", description = "The registry's storage (default: ~/.hype/registry).")
        Path storage;

        ScopeStore scopes() {
            return ScopeStore.open((storage != null ? storage : HypeHome.directory().resolve("registry")).toAbsolutePath());
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        static String bare(String scope) {
            return scope.startsWith("@") ? scope.substring(1) : scope;
        }
    }

    /** List a scope's members. */
    @Command(name = "ls", mixinStandardHelpOptions = true, description = "List the members of SCOPE and their roles.")
    static final class Ls extends Base implements Callable<Integer> {
        @Parameters(paramLabel = "SCOPE", description = "The scope, e.g. @acme.")
        private String scope;

        @Override
        public Integer call() {
            Map<String, String> roster = scopes().roster(bare(scope));
            if (roster.isEmpty()) {
                out().println("@" + bare(scope) + " has no members yet; it belongs to whoever first publishes in it");
            }
            roster.forEach((user, role) -> out().println(user + " " + role));
            out().flush();
            return 0;
        }
    }

    /** Add a member or change a member's role. */
    @Command(name = "add", mixinStandardHelpOptions = true, description = "Make USER a member of SCOPE with ROLE.")
    static final class Add extends Base implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "SCOPE", description = "The scope, e.g. @acme.")
        private String scope;

        @Parameters(index = "1", paramLabel = "USER", description = "The user.")
        private String user;

        @Option(names = "--role", paramLabel = "ROLE", defaultValue = "developer",
                description = "owner, admin or developer (default: ${DEFAULT-VALUE}).")
        private String role;

        @Override
        public Integer call() {
            ScopeStore store = scopes();
            if (store.roster(bare(scope)).isEmpty() && !role.equals("owner")) {
                throw new HypeException(SCOPE_CHANGE, "@" + bare(scope) + " has no owner yet",
                        List.of("make its first member an owner: --role owner"));
            }
            store.set(bare(scope), user, role);
            out().println(user + " is " + role + " of @" + bare(scope));
            out().flush();
            return 0;
        }
    }

    /** Remove a member. */
    @Command(name = "rm", aliases = "remove", mixinStandardHelpOptions = true,
            description = "Remove USER from SCOPE; the last owner cannot be removed.")
    static final class Rm extends Base implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "SCOPE", description = "The scope, e.g. @acme.")
        private String scope;

        @Parameters(index = "1", paramLabel = "USER", description = "The user.")
        private String user;

        @Override
        public Integer call() {
            ScopeStore store = scopes();
            Map<String, String> roster = store.roster(bare(scope));
            if ("owner".equals(roster.get(user))
                    && roster.values().stream().filter("owner"::equals).count() == 1) {
                throw new HypeException(SCOPE_CHANGE, user + " is the last owner of @" + bare(scope),
                        List.of("make someone else owner first: hype registry scope add " + scope + " USER --role owner"));
            }
            out().println(store.remove(bare(scope), user) ? "removed " + user + " from @" + bare(scope)
                    : user + " is not a member of @" + bare(scope));
            out().flush();
            return 0;
        }
    }
}
