package dev.hype.pm.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.runtime.ErrorText;
import dev.hype.runtime.HypeException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Keep a registry's token in the user's {@code $HYPE_HOME/config.json}, under {@code "tokens"} keyed by the
 * registry's {@code host:port}, as {@code login} saves it and {@code logout} removes it. Every other key of the file
 * is kept as it is; the file is replaced atomically and readable by its owner only.
 */
public final class RegistryConfigWriter {
    private RegistryConfigWriter() {
    }

    /** Return the key a registry's token is kept under: its {@code host:port}. */
    public static String tokenKey(URI registry) {
        return RegistryConfig.authority(registry);
    }

    /** Save {@code token} for {@code registry} in {@code home/config.json}; return the file. */
    public static Path setToken(Path home, URI registry, String token) {
        Path file = home.resolve(RegistryConfigReader.USER_FILE);
        ObjectNode config = read(file);
        config.withObjectProperty("tokens").put(tokenKey(registry), token);
        write(file, config);
        return file;
    }

    /** Remove the token saved for {@code registry}; return whether there was one. */
    public static boolean removeToken(Path home, URI registry) {
        Path file = home.resolve(RegistryConfigReader.USER_FILE);
        if (!Files.exists(file)) {
            return false;
        }
        ObjectNode config = read(file);
        JsonNode tokens = config.get("tokens");
        if (!(tokens instanceof ObjectNode map) || map.remove(tokenKey(registry)) == null) {
            return false;
        }
        write(file, config);
        return true;
    }

    private static ObjectNode read(Path file) {
        if (!Files.exists(file)) {
            return NpmProtocol.JSON.createObjectNode();
        }
        try {
            JsonNode tree = NpmProtocol.JSON.readTree(file.toFile());
            if (tree instanceof ObjectNode object) {
                JsonNode tokens = object.get("tokens");
                if (tokens != null && !tokens.isNull() && !tokens.isObject()) {
                    throw new HypeException(RegistryConfigReader.E_CONFIG, file + ": field 'tokens' must be an object",
                        List.of("fix the file, or remove the field and log in again"));
                }
                return object;
            }
            throw new HypeException(RegistryConfigReader.E_CONFIG, file + ": must be a JSON object",
                List.of("fix the file, or remove it and log in again"));
        } catch (IOException e) {
            throw new HypeException(RegistryConfigReader.E_CONFIG, "cannot read " + file + ": " + ErrorText.of(e),
                List.of(), e);
        }
    }

    private static void write(Path file, ObjectNode config) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            try {
                try {
                    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the directory's permissions protect it
                }
                Files.writeString(temp, config.toPrettyString() + "\n", StandardCharsets.UTF_8);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new HypeException(RegistryConfigReader.E_CONFIG, "cannot write " + file + ": " + ErrorText.of(e),
                List.of(), e);
        }
    }
}
