package dev.hype.cli.commands;

import dev.hype.pm.manifest.DependencyKind;
import dev.hype.pm.manifest.ProjectDirectory;
import dev.hype.pm.ops.InstallOperation;
import dev.hype.pm.ops.InstallOptions;
import dev.hype.pm.ops.InstallResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Install the project's dependencies, adding packages first when named. */
@Command(name = "install", aliases = {"i", "add"}, mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Install what hype.json and hype-lock.json say into hype_modules/.",
                "With NAME[@RANGE|@TAG] arguments, add them to hype.json first (default range ^<resolved version>;",
                "a dist-tag such as NAME@latest or NAME@next installs the version it names and saves ^VERSION).",
                "The project is the nearest folder from here up holding hype.json; with packages named and none",
                "found, hype.json is created here.",
                "rocks:NAME[@CONSTRAINT] adds a LuaRocks rock (default constraint such as ~> 1 for 1.14.0-3);"
                        + " see docs/luarocks.md."})
public final class InstallCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NAME[@RANGE|@TAG]", arity = "0..*", description = "Packages to add.")
    private List<String> packages = new ArrayList<>();

    @Option(names = {"-D", "--dev"}, description = "Add to devDependencies.")
    private boolean dev;

    @Option(names = {"-O", "--optional"}, description = "Add to optionalDependencies.")
    private boolean optional;

    @Option(names = {"-E", "--exact"}, description = "Add the exact resolved version instead of a ^ range.")
    private boolean exact;

    @Option(names = "--frozen", description = "Install exactly what hype-lock.json says; fail, before any download, "
            + "if it does not match hype.json or would change.")
    private boolean frozen;

    @Option(names = "--force", description = {"Reinstall every package: hash every file of its store entry, fetch a "
            + "damaged or missing entry again, and link it afresh. Repairs what 'hype pkg check' reports."})
    private boolean force;

    @Mixin
    private InstallSwitches switches;

    @Mixin
    private ApprovalOptions approval;

    @Mixin
    private ProjectOptions project;

    @Mixin
    private SourceOptions source;

    @Override
    public Integer call() {
        Path dir = packages.isEmpty() ? project.project()
                : ProjectDirectory.find(project.start()).orElse(project.start());
        DependencyKind kind = dev ? DependencyKind.DEV : optional ? DependencyKind.OPTIONAL : DependencyKind.RUNTIME;
        InstallOptions options = new InstallOptions(dir, source.sources(dir, switches.offline), project.store(),
                packages, kind, exact, frozen, switches.offline, switches.production, switches.features.selection(true),
                Set.of(), approval.approver(spec)).planning(switches.dryRun, force);
        InstallResult result = InstallOperation.run(options, InstallOutput.reporter(spec));
        InstallOutput.print(spec, result, dir, switches.json);
        return 0;
    }
}
