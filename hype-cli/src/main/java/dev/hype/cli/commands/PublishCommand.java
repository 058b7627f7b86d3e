package dev.hype.cli.commands;

import dev.hype.cli.PathArguments;
import dev.hype.pm.ops.PublishOperation;
import dev.hype.pm.ops.PublishOptions;
import dev.hype.pm.ops.PublishReporter;
import dev.hype.pm.ops.PublishResult;
import dev.hype.pm.pack.PackResult;
import dev.hype.pm.registry.RegistryClient;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Pack the project and publish it. */
@Command(name = "publish", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Pack the project (as 'hype pkg pack'), then publish it to its registry.",
            "Refuses when the project's git work tree has uncommitted changes, unless --force."})
public final class PublishCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private RegistryOptions registry;

    @Option(names = "--token", paramLabel = "TOKEN", description = "Authenticate with TOKEN (default: config or HYPE_TOKEN).")
    private String token;

    @Option(names = "--tag", paramLabel = "TAG", description = {"Point this dist-tag at the new version (default: latest).",
        "As npm: without --tag, a prerelease or a version below the highest published release is refused."})
    private String tag;

    @Option(names = "--json", description = "Print the result as JSON.")
    private boolean json;

    @Option(names = "--dry-run", description = "Do everything but send the package.")
    private boolean dryRun;

    @Option(names = "--sign", paramLabel = "KEYFILE", converter = PathArguments.InputFile.class,
            description = "Sign the version with this Ed25519 private key (from 'hype pkg keygen'); its .pub must sit beside it.")
    private java.nio.file.Path signingKey;

    @Option(names = "--force", description = "Publish even with uncommitted changes, and (as npm's --force) without "
            + "the checks on the version that the default tag implies.")
    private boolean force;

    @Mixin
    private ProjectLocation location;

    @Override
    public Integer call() {
        Path project = location.project();
        PrintWriter err = spec.commandLine().getErr();
        PublishReporter reporter = new PublishReporter() {
            @Override
            public void packed(PackResult packed) {
                err.println("packed " + packed.fileName() + " (" + packed.files().size() + " files, "
                        + Sizes.format(packed.tarball().length) + ", " + packed.integrity().sri() + ")");
                err.flush();
            }

            @Override
            public void uploading(URI url, PackResult packed) {
                err.println("publishing " + packed.name() + "@" + packed.version() + " to " + url);
                err.flush();
            }
        };
        PublishResult result;
        try (RegistryClient client = registry.client(project, token)) {
            result = PublishOperation.run(new PublishOptions(project, tag, dryRun, force, signingKey == null ? null : signingKey.toAbsolutePath()), client, reporter);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            var root = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                    .put("name", result.packed().name()).put("version", result.packed().version())
                    .put("tag", result.tag()).put("registry", result.registry().toString())
                    .put("integrity", result.packed().integrity().sri()).put("dryRun", result.dryRun());
            root.put("tarball", result.tarball() == null ? null : result.tarball().toString());
            out.println(root.toPrettyString());
            out.flush();
            return 0;
        }
        out.println("+ " + result.packed().name() + "@" + result.packed().version()
                + (result.tag().equals("latest") ? "" : " (tag " + result.tag() + ")")
                + (result.dryRun() ? " (dry run, nothing sent to " + result.registry() + ")" : ""));
        out.flush();
        return 0;
    }
}
