package dev.hype.registry.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.registry.storage.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** Keep accounts as PBKDF2 hashes in a JSON file. */
final class FileUserStore implements UserStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ITERATIONS = 120_000;
    private static final int KEY_BITS = 256;

    private final Path file;

    FileUserStore(Path file) {
        this.file = file;
    }

    @Override
    public synchronized LoginOutcome login(String user, String password) {
        if (user == null || !FileTokenStore.USER.matcher(user).matches() || password == null || password.isEmpty()) {
            throw new AuthException(AuthException.E_INVALID_USER, "invalid user name or empty password for '" + user + "'",
                List.of("use 1 to 64 letters, digits, '.', '_' or '-' and a non-empty password"), null);
        }
        try {
            ObjectNode root = read();
            ObjectNode users = root.withObjectProperty("users");
            JsonNode account = users.get(user);
            if (account != null) {
                return check(account, password);
            }
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            users.putObject(user)
                .put("salt", Base64.getEncoder().encodeToString(salt))
                .put("hash", Base64.getEncoder().encodeToString(derive(password, salt, ITERATIONS)))
                .put("iterations", ITERATIONS)
                .put("created", Instant.now().toString());
            AtomicFile.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            return LoginOutcome.CREATED;
        } catch (IOException | IllegalArgumentException e) {
            throw new AuthException(AuthException.E_AUTH_STORAGE, "cannot use " + file + ": " + e.getMessage(), List.of(), e);
        }
    }

    @Override
    public synchronized java.util.Optional<LoginOutcome> verify(String user, String password) {
        try {
            JsonNode account = read().path("users").get(user);
            if (account == null || password == null || password.isEmpty()) {
                return account == null ? java.util.Optional.empty() : java.util.Optional.of(LoginOutcome.WRONG_PASSWORD);
            }
            return java.util.Optional.of(check(account, password));
        } catch (IOException | IllegalArgumentException e) {
            throw new AuthException(AuthException.E_AUTH_STORAGE, "cannot use " + file + ": " + e.getMessage(), List.of(), e);
        }
    }

    @Override
    public synchronized boolean exists(String user) {
        try {
            return read().path("users").has(user);
        } catch (IOException e) {
            throw new AuthException(AuthException.E_AUTH_STORAGE, "cannot use " + file + ": " + e.getMessage(), List.of(), e);
        }
    }

    /** Compare {@code password} with an account's stored hash. */
    private static LoginOutcome check(JsonNode account, String password) {
        byte[] salt = Base64.getDecoder().decode(account.path("salt").asText());
        byte[] expected = Base64.getDecoder().decode(account.path("hash").asText());
        byte[] actual = derive(password, salt, account.path("iterations").asInt(ITERATIONS));
        return MessageDigest.isEqual(expected, actual) ? LoginOutcome.AUTHENTICATED : LoginOutcome.WRONG_PASSWORD;
    }

    private ObjectNode read() throws IOException {
        try {
            JsonNode tree = JSON.readTree(Files.readAllBytes(file));
            if (tree instanceof ObjectNode object) {
                return object;
            }
            throw new IOException("expected a JSON object");
        } catch (NoSuchFileException e) {
            return JSON.createObjectNode();
        }
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, KEY_BITS);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks PBKDF2WithHmacSHA256", e);
        }
    }
}
