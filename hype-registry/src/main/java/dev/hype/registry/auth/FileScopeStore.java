package dev.hype.registry.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.registry.storage.AtomicFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Keep scope rosters in one JSON file, {@code {"scopes": {"acme": {"alice": "owner"}}}}, changed under a file lock. */
final class FileScopeStore implements ScopeStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    FileScopeStore(Path file) {
        this.file = file;
    }

    @Override
    public synchronized Map<String, String> roster(String scope) {
        try {
            return rosterIn(read(), scope);
        } catch (IOException e) {
            throw storage("read", e);
        }
    }

    @Override
    public Map<String, String> claim(String scope, List<String> owners) {
        return update(scopes -> {
            Map<String, String> roster = rosterIn(scopes, scope);
            if (!roster.isEmpty()) {
                return roster;
            }
            ObjectNode created = scopes.putObject(scope);
            owners.forEach(owner -> created.put(checkUser(owner), "owner"));
            return rosterIn(scopes, scope);
        });
    }

    @Override
    public void set(String scope, String user, String role) {
        if (!ROLES.contains(role)) {
            throw new AuthException(AuthException.E_INVALID_USER, "'" + role + "' is not a role",
                List.of("a member is one of " + String.join(", ", ROLES)), null);
        }
        update(scopes -> scopes.withObjectProperty(scope).put(checkUser(user), role));
    }

    @Override
    public boolean remove(String scope, String user) {
        return update(scopes -> {
            JsonNode roster = scopes.get(scope);
            return roster instanceof ObjectNode members && members.remove(user) != null;
        });
    }

    private static String checkUser(String user) {
        if (user == null || !FileTokenStore.USER.matcher(user).matches()) {
            throw new AuthException(AuthException.E_INVALID_USER, "invalid user name '" + user + "'",
                List.of("use 1 to 64 letters, digits, '.', '_' or '-'"), null);
        }
        return user;
    }

    private static Map<String, String> rosterIn(ObjectNode scopes, String scope) {
        Map<String, String> roster = new LinkedHashMap<>();
        scopes.path(scope).properties().forEach(e -> roster.put(e.getKey(), e.getValue().asText()));
        return Collections.unmodifiableMap(roster);
    }

    private synchronized <T> T update(Function<ObjectNode, T> change) {
        try {
            Files.createDirectories(file.getParent());
            Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock _ = channel.lock()) {
                ObjectNode scopes = read();
                T result = change.apply(scopes);
                ObjectNode root = JSON.createObjectNode();
                root.set("scopes", scopes);
                AtomicFile.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
                return result;
            }
        } catch (IOException e) {
            throw storage("update", e);
        }
    }

    private ObjectNode read() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return JSON.createObjectNode();
        }
        JsonNode scopes = JSON.readTree(bytes).path("scopes");
        if (!scopes.isObject()) {
            throw new IOException("expected {\"scopes\": {...}}");
        }
        return (ObjectNode) scopes;
    }

    private AuthException storage(String what, IOException e) {
        return new AuthException(AuthException.E_AUTH_STORAGE, "cannot " + what + " " + file + ": " + e.getMessage(),
            List.of(), e);
    }
}
