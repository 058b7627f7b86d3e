package dev.hype.registry.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.registry.storage.AtomicFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Keep token hashes in a JSON file, reloaded when another process changes it. */
final class FileTokenStore implements TokenStore {

    static final Pattern USER = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "hype_";

    private record Entry(String hash, String user, Instant created, TokenLimits limits) {
        TokenInfo info() {
            return new TokenInfo(hash.substring(0, 12), user, created, limits);
        }
    }

    private final Path file;
    private Map<String, Entry> byHash = Map.of();
    private FileTime loadedModified;
    private long loadedSize = -1;

    FileTokenStore(Path file) {
        this.file = file;
    }

    @Override
    public String issue(String user, TokenLimits limits) {
        if (user == null || !USER.matcher(user).matches()) {
            throw new AuthException(AuthException.E_INVALID_USER, "invalid user name '" + user + "'",
                List.of("use 1 to 64 letters, digits, '.', '_' or '-'"), null);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        update(entries -> entries.put(hash(token), new Entry(hash(token), user, Instant.now(), limits)));
        return token;
    }

    @Override
    public synchronized Optional<TokenInfo> identify(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        reloadIfChanged();
        String hash = hash(token);
        Entry entry = byHash.get(hash);
        if (entry == null || !MessageDigest.isEqual(entry.hash().getBytes(StandardCharsets.US_ASCII),
            hash.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return Optional.of(entry.info());
    }

    @Override
    public boolean revoke(String token) {
        String hash = hash(token);
        boolean[] removed = {false};
        update(entries -> removed[0] = entries.remove(hash) != null);
        return removed[0];
    }

    @Override
    public Optional<TokenInfo> revokeMatching(String idPrefix) {
        String prefix = idPrefix.toLowerCase(java.util.Locale.ROOT);
        if (!prefix.matches("[0-9a-f]{6,64}")) {
            return revoke(idPrefix) ? Optional.of(new TokenInfo(hash(idPrefix).substring(0, 12), "", Instant.EPOCH))
                : Optional.empty();
        }
        TokenInfo[] removed = {null};
        update(entries -> {
            List<Entry> matches = entries.values().stream().filter(e -> e.hash().startsWith(prefix)).toList();
            if (matches.size() > 1) {
                throw new AuthException(AuthException.E_AMBIGUOUS_TOKEN, "'" + idPrefix + "' is the start of "
                    + matches.size() + " token ids", List.of("give more digits of the id 'hype registry token list' shows"),
                    null);
            }
            if (matches.size() == 1) {
                Entry entry = matches.getFirst();
                entries.remove(entry.hash());
                removed[0] = entry.info();
            }
        });
        return Optional.ofNullable(removed[0]);
    }

    @Override
    public synchronized List<TokenInfo> list() {
        reloadIfChanged();
        List<TokenInfo> infos = new ArrayList<>();
        for (Entry entry : byHash.values()) {
            infos.add(entry.info());
        }
        infos.sort(java.util.Comparator.comparing(TokenInfo::created));
        return List.copyOf(infos);
    }

    private interface Change {
        void apply(Map<String, Entry> entries);
    }

    private synchronized void update(Change change) {
        try {
            Files.createDirectories(file.getParent());
            Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock _ = channel.lock()) {
                Map<String, Entry> entries = new LinkedHashMap<>(read());
                change.apply(entries);
                AtomicFile.write(file, serialise(entries));
                byHash = entries;
                loadedModified = null;
            }
        } catch (IOException e) {
            throw new AuthException(AuthException.E_AUTH_STORAGE, "cannot update " + file + ": " + e.getMessage(),
                List.of(), e);
        }
    }

    private void reloadIfChanged() {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            if (modified.equals(loadedModified) && size == loadedSize) {
                return;
            }
            byHash = read();
            loadedModified = modified;
            loadedSize = size;
        } catch (NoSuchFileException e) {
            byHash = Map.of();
            loadedModified = null;
        } catch (IOException e) {
            throw new AuthException(AuthException.E_AUTH_STORAGE, "cannot read " + file + ": " + e.getMessage(),
                List.of(), e);
        }
    }

    private Map<String, Entry> read() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Map.of();
        }
        JsonNode tree = JSON.readTree(bytes);
        Map<String, Entry> entries = new LinkedHashMap<>();
        JsonNode tokens = tree == null ? null : tree.get("tokens");
        if (tokens == null || !tokens.isArray()) {
            throw new IOException("expected {\"tokens\": [...]}");
        }
        for (JsonNode token : tokens) {
            String hash = token.path("sha256").asText();
            List<String> cidrs = new ArrayList<>();
            token.path("cidr").forEach(c -> cidrs.add(c.asText()));
            TokenLimits limits;
            try {
                limits = new TokenLimits(token.path("readonly").asBoolean(false), cidrs);
            } catch (AuthException e) {
                throw new IOException("the token " + hash.substring(0, Math.min(12, hash.length())) + ": "
                    + e.getMessage(), e);
            }
            entries.put(hash, new Entry(hash, token.path("user").asText(),
                Instant.parse(token.path("created").asText("1970-01-01T00:00:00Z")), limits));
        }
        return entries;
    }

    private static byte[] serialise(Map<String, Entry> entries) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode tokens = root.putArray("tokens");
        for (Entry entry : entries.values()) {
            ObjectNode token = tokens.addObject().put("sha256", entry.hash()).put("user", entry.user())
                .put("created", entry.created().toString());
            if (entry.limits().readOnly()) {
                token.put("readonly", true);
            }
            if (!entry.limits().cidrs().isEmpty()) {
                ArrayNode cidrs = token.putArray("cidr");
                entry.limits().cidrs().forEach(cidrs::add);
            }
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
