package dev.hype.cli.commands;

import dev.hype.cli.PathArguments;
import dev.hype.pm.sign.SigningKeys;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Make an Ed25519 key pair for signing published packages. */
@Command(name = "keygen", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Make an Ed25519 key pair: NAME.key (private, for 'hype pkg publish --sign') and NAME.pub",
            "(public: put its text in \"trustedKeys\" of ~/.hype/config.json or .hyperc.json)."})
public final class KeygenCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", converter = PathArguments.OutputDirectory.class, description = "Write the key files into DIR (default: ~/.hype/keys).")
    private Path out;

    @Option(names = "--name", paramLabel = "NAME", description = "Name the files NAME.key and NAME.pub (default: ${DEFAULT-VALUE}).")
    private String name = "signing";

    @Option(names = "--json", description = "Print the key files and id as JSON.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        if (name.isBlank() || name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
            throw new ParameterException(spec.commandLine(), "--name '" + name
                    + "' must be a plain file name (no folders); use --out DIR to choose the folder");
        }
        Path dir = out != null ? out : HypeHome.directory().resolve("keys");
        SigningKeys.Generated keys = SigningKeys.generate(dir.toAbsolutePath(), name);
        PrintWriter writer = spec.commandLine().getOut();
        if (json) {
            writer.println(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                    .put("privateKey", keys.privateKeyFile().toString()).put("publicKey", keys.publicKeyFile().toString())
                    .put("keyid", keys.keyid()).put("publicKeyText", keys.publicKey()).toPrettyString());
            writer.flush();
            return 0;
        }
        writer.println("private key: " + keys.privateKeyFile());
        writer.println("public key:  " + keys.publicKeyFile());
        writer.println("key id:      " + keys.keyid());
        writer.println("trust it with: \"trustedKeys\": {\"@your-scope\": [\"" + keys.publicKey() + "\"]}");
        writer.flush();
        return 0;
    }
}
