package dev.hype.cli.commands;

import dev.hype.pm.ops.CheckResult;
import dev.hype.pm.store.Store;
import dev.hype.pm.store.StorePruning;
import dev.hype.pm.store.StoreVerification;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Check and clean the package store shared by every project: {@code hype pkg store verify|prune}. */
@Command(name = "store", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Check and clean the package store that every project on this machine installs from.",
        subcommands = {StoreCommand.Verify.class, StoreCommand.Prune.class})
public final class StoreCommand {
    /** Choose the store. */
    static final class StoreOption {
        @Option(names = "--store-dir", paramLabel = "DIR",
                description = "Use the package store in DIR (default: $HYPE_HOME/store, else ~/.hype/store).")
        private Path storeDir;

        Store store() {
            return Store.at(HypeHome.store(storeDir));
        }
    }

    /** Hash every file of every entry and report the damaged ones. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Hash every file of every store entry and compare it with the entry's index.",
                "Print each damaged or incomplete entry; exit 1 if there is any (0 once --fix removed them)."})
    static final class Verify implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @picocli.CommandLine.Mixin
        private StoreOption option = new StoreOption();

        @Option(names = "--fix", description = "Remove damaged entries; the next install that needs one fetches it again.")
        private boolean fix;

        @Override
        public Integer call() {
            StoreVerification result = option.store().verify(fix);
            PrintWriter out = spec.commandLine().getOut();
            for (StoreVerification.Damage damage : result.damaged()) {
                out.println((fix ? "removed damaged entry " : "damaged: ") + damage.integrity() + " ("
                        + damage.directory() + "): " + String.join("; ", damage.problems()));
            }
            if (result.ok()) {
                out.println("ok: " + result.checked() + (result.checked() == 1 ? " entry" : " entries") + " checked");
            } else {
                out.println(result.checked() + (result.checked() == 1 ? " entry" : " entries") + " checked, "
                        + result.damaged().size() + " damaged" + (fix ? " and removed" : ""));
                out.println(fix ? "hint: run '" + CheckResult.REPAIR + "' in the projects that installed them"
                        : "hint: run 'hype pkg store verify --fix' to remove them, then '" + CheckResult.REPAIR
                        + "' in the projects that installed them");
            }
            out.flush();
            return result.ok() || fix ? 0 : 1;
        }
    }

    /** Remove what no project needs. */
    @Command(name = "prune", mixinStandardHelpOptions = true,
            description = {"Remove store entries no project links, incomplete entries, and what interrupted installs",
                "left behind. It waits for installs that are running. A project installed by copying (on another",
                "filesystem than the store) does not link its entries; its next install fetches them again."})
    static final class Prune implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @picocli.CommandLine.Mixin
        private StoreOption option = new StoreOption();

        @Override
        public Integer call() {
            StorePruning result = option.store().prune();
            PrintWriter out = spec.commandLine().getOut();
            out.println("removed " + count(result.removed(), "unused entry", "unused entries") + " ("
                    + Sizes.format(result.bytes()) + "), " + count(result.incomplete(), "incomplete entry",
                    "incomplete entries") + " and " + count(result.temporary(), "leftover of an interrupted install",
                    "leftovers of interrupted installs") + "; kept " + count(result.kept(), "entry", "entries"));
            if (!result.linkCountsKnown()) {
                out.println("note: this filesystem does not report link counts, so no complete entry was removed");
            }
            out.flush();
            return 0;
        }

        private static String count(int n, String one, String many) {
            return n + " " + (n == 1 ? one : many);
        }
    }
}
