package dev.hype.cli.commands;

import dev.hype.pm.install.PermissionRequest;
import dev.hype.pm.manifest.DependencyKind;
import dev.hype.pm.ops.InstallOperation;
import dev.hype.pm.ops.InstallOptions;
import dev.hype.pm.ops.InstallResult;
import java.io.PrintWriter;
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
@Command(name = "install", aliases = "i", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Install what hype.json and hype-lock.json say into hype_modules/.",
                "With NAME[@RANGE] arguments, add them to hype.json first (default range ^<resolved version>).",
                "rocks:NAME[@CONSTRAINT] adds a LuaRocks rock (default constraint such as ~> 1 for 1.14.0-3);"
                        + " see docs/luarocks.md."})
public final class InstallCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NAME[@RANGE]", arity = "0..*", description = "Packages to add.")
    private List<String> packages = new ArrayList<>();

    @Option(names = "--dev", description = "Add to devDependencies.")
    private boolean dev;

    @Option(names = "--optional", description = "Add to optionalDependencies.")
    private boolean optional;

    @Option(names = "--exact", description = "Add the exact resolved version instead of a ^ range.")
    private boolean exact;

    @Option(names = "--frozen", description = "Fail if hype-lock.json would change.")
    private boolean frozen;

    @Option(names = "--offline", description = "Use only the store; never download.")
    private boolean offline;

    @Option(names = "--production", description = "Leave out what only devDependencies need.")
    private boolean production;

    @Option(names = "--features", split = ",", paramLabel = "NAME", description = "Enable these features of the project.")
    private List<String> features = new ArrayList<>();

    @Option(names = "--no-default-features", description = "Do not enable the project's default feature.")
    private boolean noDefaultFeatures;

    @Option(names = "--json", description = "Print what changed as JSON instead of lines.")
    private boolean json;

    @Mixin
    private ApprovalOptions approval;

    @Mixin
    private ProjectOptions project;

    @Mixin
    private SourceOptions source;

    @Override
    public Integer call() {
        DependencyKind kind = dev ? DependencyKind.DEV : optional ? DependencyKind.OPTIONAL : DependencyKind.RUNTIME;
        InstallOptions options = new InstallOptions(project.project(), source.sources(project.project()),
                project.store(), packages, kind, exact, frozen, offline, production, features,
                !noDefaultFeatures, Set.of(), approval.approver(spec));
        PrintWriter out = spec.commandLine().getOut();
        InstallResult result = InstallOperation.run(options, ProgressBar.forTerminal(spec.commandLine().getErr(), ((dev.hype.cli.HypeCommand) spec.root().userObject()).terminal().interactive()));
        if (json) {
            var root = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
            result.added().forEach(root.putArray("added")::add);
            result.changed().forEach(root.putArray("changed")::add);
            result.removed().forEach(root.putArray("removed")::add);
            root.put("installed", result.installed());
            root.put("lockfileChanged", result.lockfileChanged());
            root.put("durationMs", result.duration().toMillis());
            var approved = root.putArray("approved");
            for (PermissionRequest request : result.approved()) {
                var entry = approved.addObject().put("name", request.name()).put("version", request.version().toString());
                entry.set("permissions", request.requested().toJson());
            }
            out.println(root.toPrettyString());
            out.flush();
            return 0;
        }
        result.added().forEach(name -> out.println("+ " + name));
        result.changed().forEach(name -> out.println("~ " + name));
        result.removed().forEach(name -> out.println("- " + name));
        out.println(result.summary());
        out.flush();
        return 0;
    }
}
