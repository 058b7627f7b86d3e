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
        description = {InstallCommand.DESCRIPTION, InstallCommand.DESCRIPTION_ADD, InstallCommand.DESCRIPTION_TAG,
            InstallCommand.DESCRIPTION_PROJECT, InstallCommand.DESCRIPTION_CREATE, InstallCommand.DESCRIPTION_ROCKS})
public final class InstallCommand implements Callable<Integer> {
    static final String DESCRIPTION = "Install what hype.json and hype-lock.json say into hype_modules/.";
    static final String DESCRIPTION_ADD =
            "With NAME[@RANGE|@TAG] arguments, add them to hype.json first (default range ^<resolved version>;";
    static final String DESCRIPTION_TAG =
            "a dist-tag such as NAME@latest or NAME@next installs the version it names and saves ^VERSION).";
    static final String DESCRIPTION_PROJECT =
            "The project is the nearest folder from here up holding hype.json; with packages named and none";
    static final String DESCRIPTION_CREATE = "found, hype.json is created here.";
    static final String DESCRIPTION_ROCKS = "rocks:NAME[@CONSTRAINT] adds a LuaRocks rock (default constraint such as"
            + " ~> 1 for 1.14.0-3); see docs/luarocks.md.";
    private static final String PACKAGES = "Packages to add.";
    private static final String DEV = "Add to devDependencies.";
    private static final String OPTIONAL = "Add to optionalDependencies.";
    private static final String EXACT = "Add the exact resolved version instead of a ^ range.";
    private static final String FROZEN = "Install exactly what hype-lock.json says; fail, before any download, "
            + "if it does not match hype.json or would change.";
    private static final String FORCE = "Reinstall every package: hash every file of its store entry, fetch a "
            + "damaged or missing entry again, and link it afresh. Repairs what 'hype pkg check' reports.";

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NAME[@RANGE|@TAG]", arity = "0..*", description = PACKAGES)
    private List<String> packages = new ArrayList<>();

    @Option(names = {"-D", "--dev"}, description = DEV)
    private boolean dev;

    @Option(names = {"-O", "--optional"}, description = OPTIONAL)
    private boolean optional;

    @Option(names = {"-E", "--exact"}, description = EXACT)
    private boolean exact;

    @Option(names = "--frozen", description = FROZEN)
    private boolean frozen;

    @Option(names = "--force", description = FORCE)
    private boolean force;

    @Mixin
    private InstallSwitches switches;

    @Mixin
    private ApprovalOptions approval;

    @Mixin
    private ProjectOptions project;

    @Mixin
    private SourceOptions source;

    /** Return this command's model, as its annotations would give it (see {@link CommandModels}). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    CommandSpec model() {
        spec = CommandModels.command(this, "install", "i", "add");
        spec.usageMessage().sortOptions(false).description(DESCRIPTION, DESCRIPTION_ADD, DESCRIPTION_TAG,
                DESCRIPTION_PROJECT, DESCRIPTION_CREATE, DESCRIPTION_ROCKS);
        spec.addPositional(CommandModels.positional((Class<List<String>>) (Class) List.class, () -> packages,
                        value -> packages = value)
                .auxiliaryTypes(String.class).paramLabel("NAME[@RANGE|@TAG]").arity("0..*").description(PACKAGES)
                .build());
        spec.addOption(CommandModels.flag("dev", () -> dev, value -> dev = value, "-D", "--dev").description(DEV).build());
        spec.addOption(CommandModels.flag("optional", () -> optional, value -> optional = value, "-O", "--optional")
                .description(OPTIONAL).build());
        spec.addOption(CommandModels.flag("exact", () -> exact, value -> exact = value, "-E", "--exact")
                .description(EXACT).build());
        spec.addOption(CommandModels.flag("frozen", () -> frozen, value -> frozen = value, "--frozen")
                .description(FROZEN).build());
        spec.addOption(CommandModels.flag("force", () -> force, value -> force = value, "--force")
                .description(FORCE).build());
        switches = new InstallSwitches();
        switches.addTo(spec);
        approval = new ApprovalOptions();
        approval.addTo(spec);
        project = new ProjectOptions();
        project.addTo(spec);
        source = new SourceOptions();
        source.addTo(spec);
        return CommandModels.withHelpOptions(spec);
    }

    @Override
    public Integer call() {
        Path dir = packages.isEmpty() ? project.project()
                : ProjectDirectory.find(project.start()).orElse(project.start());
        DependencyKind kind = dev ? DependencyKind.DEV : optional ? DependencyKind.OPTIONAL : DependencyKind.RUNTIME;
        InstallOptions options = new InstallOptions(dir, source.lazySources(dir, switches.offline), project.store(),
                packages, kind, exact, frozen, switches.offline, switches.production, switches.features.selection(true),
                Set.of(), approval.approver(spec)).planning(switches.dryRun, force);
        InstallResult result = InstallOperation.run(options, InstallOutput.reporter(spec));
        InstallOutput.print(spec, result, dir, switches.json);
        return 0;
    }
}
