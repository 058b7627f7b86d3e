package dev.hype.cli.commands;

import dev.hype.cli.PathArguments;
import dev.hype.registry.server.AccessLog;
import dev.hype.registry.server.RegistryConfig;
import dev.hype.registry.server.RegistryServer;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Serve an npm-protocol registry until interrupted (SIGINT or SIGTERM stop it gracefully). */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve an npm-protocol registry: packuments, tarballs, search, dist-tags and publish.",
            "npm, Verdaccio's clients and hype pkg all talk to it. Publishing needs a token from",
            "'hype registry token create USER'; reading needs none unless --private."})
public final class RegistryServeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", converter = PathArguments.Port.class, description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    private int port = RegistryConfig.DEFAULT_PORT;

    @Option(names = "--host", paramLabel = "HOST", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    private String host = "127.0.0.1";

    @Option(names = "--storage", paramLabel = "DIR", converter = PathArguments.OutputDirectory.class, description = "Where packages and tokens live (default: ~/.hype/registry).")
    private Path storage;

    @Option(names = "--private", description = "Require a token to read, not only to publish.")
    private boolean privateMode;

    @Option(names = "--allow-signup", description = "Let 'hype pkg login' and 'npm login' create accounts with a "
            + "password (and log in to them); without it, tokens come only from 'hype registry token create'.")
    private boolean allowSignup;

    @Option(names = "--public-url", paramLabel = "URL", description = "Base URL for tarball links (default: from each request's Host).")
    private URI publicUrl;

    @Option(names = "--request-timeout", paramLabel = "SECONDS", description = "Close a connection whose request "
            + "(headers and body) takes longer (default: ${DEFAULT-VALUE}; raise it to publish large packages over "
            + "slow links).")
    private int requestTimeout = (int) RegistryConfig.DEFAULT_REQUEST_TIMEOUT.toSeconds();

    @Option(names = "--quiet", description = "Do not write the access log to standard output.")
    private boolean quiet;

    @Override
    public Integer call() throws InterruptedException {
        if (requestTimeout < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--request-timeout must be at least 1 second, got " + requestTimeout);
        }
        PrintWriter out = spec.commandLine().getOut();
        Path dir = storage != null ? storage : HypeHome.directory().resolve("registry");
        RegistryConfig config = RegistryConfig.defaults(dir.toAbsolutePath()).withHost(host).withPort(port)
                .withPrivateMode(privateMode).withAllowSignup(allowSignup)
                .withRequestTimeout(java.time.Duration.ofSeconds(requestTimeout))
                .withAccessLog(quiet ? AccessLog.discard() : AccessLog.jsonLines(line -> {
                    synchronized (out) {
                        out.println(line);
                        out.flush();
                    }
                }));
        if (publicUrl != null) {
            config = config.withPublicUrl(publicUrl);
        }
        RegistryServer server = RegistryServer.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "hype-registry-shutdown"));
        spec.commandLine().getErr().println("hype registry listening on " + server.baseUri()
                + " (storage " + dir.toAbsolutePath() + (privateMode ? ", private" : "") + ")");
        spec.commandLine().getErr().flush();
        server.awaitClose();
        return 0;
    }
}
