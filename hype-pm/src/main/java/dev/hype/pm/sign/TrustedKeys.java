package dev.hype.pm.sign;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hold the {@code trustedKeys} of the configuration: for a scope ({@code "@acme"}) or every
 * package ({@code "*"}), the public keys one of which must have signed each installed version.
 */
public final class TrustedKeys {
    private final Map<String, List<PublicKey>> byScope;

    private TrustedKeys(Map<String, List<PublicKey>> byScope) {
        this.byScope = Map.copyOf(byScope);
    }

    /** Return no trusted keys: nothing requires a signature. */
    public static TrustedKeys none() {
        return new TrustedKeys(Map.of());
    }

    /** Read {@code {"@scope": ["<base64 public key>", ...], "*": [...]}}; {@code where} names the file. */
    public static TrustedKeys parse(JsonNode node, String where) {
        Map<String, List<PublicKey>> byScope = new LinkedHashMap<>();
        if (node == null || node.isMissingNode() || node.isNull()) {
            return none();
        }
        if (!node.isObject()) {
            throw new SignatureException(SignatureException.E_KEY, where + ": trustedKeys must be an object",
                    List.of("for example \"trustedKeys\": {\"@acme\": [\"MCowBQYDK2VwAyEA...\"]}"), null);
        }
        for (var entry : node.properties()) {
            String scope = entry.getKey();
            if (!scope.equals("*") && !scope.matches("@[a-z0-9][a-z0-9._~-]*")) {
                throw new SignatureException(SignatureException.E_KEY, where + ": trustedKeys." + scope
                        + " is not a scope", List.of("use \"@scope\" or \"*\" for every package"), null);
            }
            List<PublicKey> keys = new ArrayList<>();
            for (JsonNode key : entry.getValue().isArray() ? entry.getValue() : List.of(entry.getValue())) {
                keys.add(SigningKeys.parsePublicKey(key.asText(), where + ": trustedKeys." + scope));
            }
            byScope.put(scope, List.copyOf(keys));
        }
        return new TrustedKeys(byScope);
    }

    /** Return the keys that must have signed package {@code name}, empty when none is required. */
    public List<PublicKey> keysFor(String name) {
        List<PublicKey> keys = new ArrayList<>(byScope.getOrDefault("*", List.of()));
        if (name.startsWith("@") && name.contains("/")) {
            keys.addAll(byScope.getOrDefault(name.substring(0, name.indexOf('/')), List.of()));
        }
        return keys;
    }

    /**
     * Check that one of {@code signatures} (a version's {@code dist.signatures}) is a valid
     * signature of {@code name@version:integrity} by a key trusted for {@code name}.
     *
     * @throws SignatureException {@code E_SIGNATURE} when keys are required and none verifies
     */
    public void check(String name, String version, String integrity, JsonNode signatures) {
        List<PublicKey> keys = keysFor(name);
        if (keys.isEmpty()) {
            return;
        }
        int seen = 0;
        if (signatures != null && signatures.isArray()) {
            for (JsonNode node : signatures) {
                seen++;
                PackageSignature signature = new PackageSignature(node.path("keyid").asText(), node.path("sig").asText());
                for (PublicKey key : keys) {
                    if (signature.keyid().equals(SigningKeys.keyid(key))
                            && signature.verifies(name, version, integrity, key)) {
                        return;
                    }
                }
            }
        }
        throw new SignatureException(SignatureException.E_SIGNATURE, name + "@" + version
                + (seen == 0 ? " is not signed" : " has no valid signature") + " by a key trusted for it",
                List.of("trustedKeys in your config requires a signature from one of " + keys.size() + " key(s)",
                        "ask the publisher to run 'hype pkg publish --sign KEYFILE', or check the key"), null);
    }
}
