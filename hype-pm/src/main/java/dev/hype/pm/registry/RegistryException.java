package dev.hype.pm.registry;

import dev.hype.runtime.HypeException;
import java.net.URI;
import java.util.List;

/**
 * Report a registry that failed to answer as asked; the message names the registry, the package
 * and the HTTP status when there is one.
 */
public final class RegistryException extends HypeException {
    private static final long serialVersionUID = 1L;

    /** The package, version or tag does not exist (404). */
    public static final String E_NOT_FOUND = "E_NOT_FOUND";
    /** The registry refused the credentials, or none were sent (401, 403). */
    public static final String E_UNAUTHORIZED = "E_UNAUTHORIZED";
    /** The version already exists (409). */
    public static final String E_PUBLISH_CONFLICT = "E_PUBLISH_CONFLICT";
    /** The URL answered, but not like an npm registry (HTML, non-JSON). */
    public static final String E_NOT_A_REGISTRY = "E_NOT_A_REGISTRY";
    /** The registry could not be reached (connection refused, timeout, DNS), after retries. */
    public static final String E_REGISTRY_UNREACHABLE = "E_REGISTRY_UNREACHABLE";
    /** A downloaded tarball does not match its published integrity. */
    public static final String E_INTEGRITY = "E_INTEGRITY";
    /** The registry stopped sending, sent too slowly, or took longer than the client's bounds allow. */
    public static final String E_REGISTRY_TIMEOUT = "E_REGISTRY_TIMEOUT";
    /** The registry sent a body larger than the client accepts. */
    public static final String E_RESPONSE_TOO_LARGE = "E_RESPONSE_TOO_LARGE";
    /** The registry answered with an unexpected status or a malformed document. */
    public static final String E_BAD_RESPONSE = "E_BAD_RESPONSE";

    /** Offline, and the cache lacks what was asked for; the network was not used. */
    public static final String E_OFFLINE = "E_OFFLINE";

    private static final List<String> UNAUTHORIZED_HINTS = List.of(
        "log in with 'hype pkg login' (or save a token from 'hype registry token create USER' with"
            + " 'hype pkg login --token')",
        "or put a token under \"tokens\" in ~/.hype/config.json keyed by the registry's host:port, set HYPE_TOKEN,"
            + " or pass --token");

    /** The action of reading a packument, as {@link #forStatus} takes it. */
    static final String READ_PACKAGE = "read package";

    private final String registry;
    private final String packageName;
    private final int status;

    RegistryException(String code, String message, String registry, String packageName, int status,
                      List<String> hints, Throwable cause) {
        super(code, message, hints, cause);
        this.registry = registry;
        this.packageName = packageName;
        this.status = status;
    }

    /** Return the registry URL the request went to. */
    public String registry() {
        return registry;
    }

    /** Return the package concerned, or {@code null} for a request about no package (search). */
    public String packageName() {
        return packageName;
    }

    /** Return the HTTP status, or 0 when there was no HTTP answer. */
    public int status() {
        return status;
    }

    /** Build the error for an HTTP answer with status {@code status} to a request about {@code packageName}. */
    static RegistryException forStatus(int status, URI registry, String packageName, String what, String detail) {
        String subject = packageName == null ? what : what + " " + packageName;
        String where = " from " + registry + " (HTTP " + status + ")" + (detail == null || detail.isBlank() ? "" : ": " + detail);
        String reg = registry.toString();
        return switch (status) {
            case 404 -> new RegistryException(E_NOT_FOUND, (what.equals(READ_PACKAGE)
                ? "package " + packageName + " not found in " + registry + " (HTTP 404)"
                : "cannot " + subject + ": not found in " + registry + " (HTTP 404)"), reg, packageName, status,
                List.of("check the package name, and that " + registry + " is the registry that holds it"), null);
            case 401, 403 -> new RegistryException(E_UNAUTHORIZED,
                "not authorised to " + what + (packageName == null ? "" : " " + packageName) + where, reg, packageName,
                status, UNAUTHORIZED_HINTS, null);
            case 409 -> new RegistryException(E_PUBLISH_CONFLICT, "cannot " + what + " " + packageName + where, reg,
                packageName, status, List.of("published versions are immutable; bump the version in hype.json"), null);
            case 429 -> new RegistryException(E_BAD_RESPONSE, "cannot " + subject + where
                + ": the registry is limiting the rate of requests", reg, packageName, status,
                List.of("wait a while and try again"), null);
            default -> new RegistryException(E_BAD_RESPONSE, "cannot " + subject + where, reg, packageName, status,
                status >= 500 ? List.of("the registry failed; try again later") : List.of(), null);
        };
    }

    /** Build the error for a change to {@code registry} with no token configured for it, as npm's ENEEDAUTH. */
    public static RegistryException needsCredentials(URI registry, String packageName, String what) {
        return new RegistryException(E_UNAUTHORIZED, "cannot " + what + " " + packageName + ": no token is configured"
            + " for " + registry, registry.toString(), packageName, 0, UNAUTHORIZED_HINTS, null);
    }

    /** Build the error for an answer that is not an npm registry's. */
    static RegistryException notARegistry(URI registry, String packageName, int status, String problem) {
        return new RegistryException(E_NOT_A_REGISTRY, registry + " answered " + problem
            + (packageName == null ? "" : " for " + packageName) + " (HTTP " + status + ")",
            registry.toString(), packageName, status,
            List.of("this URL does not look like an npm registry; check 'registry' in ~/.hype/config.json"
                + " or .hyperc.json, or --registry"), null);
    }

    /** Build the error for a registry that could not be reached. */
    static RegistryException unreachable(URI registry, String packageName, int attempts, Throwable cause) {
        return new RegistryException(E_REGISTRY_UNREACHABLE, "cannot reach " + registry
            + (packageName == null ? "" : " for " + packageName) + " after " + attempts
            + (attempts == 1 ? " attempt" : " attempts") + ": " + ConnectionFailure.describe(cause), registry.toString(), packageName, 0,
            List.of("is the registry running? start one with 'hype registry serve', or check the URL"), null);
    }

    /** Build the error for an answer that passed a time bound while reading {@code url}. */
    static RegistryException timeout(URI registry, String packageName, URI url, String problem) {
        return new RegistryException(E_REGISTRY_TIMEOUT, "timed out reading " + url
            + (packageName == null ? "" : " for " + packageName) + ": " + problem, registry.toString(), packageName, 0,
            List.of("the registry " + registry + " stalled; check that it is healthy, then try again"), null);
    }

    /** Build the error for a body longer than the client accepts. */
    static RegistryException tooLarge(URI registry, String packageName, URI url, long limit) {
        return new RegistryException(E_RESPONSE_TOO_LARGE, url + (packageName == null ? "" : " (for " + packageName
            + ")") + " sent more than " + (limit >> 20) + " MiB; stopped reading", registry.toString(), packageName, 0,
            List.of("a registry never sends a document or tarball this large; check the registry URL"), null);
    }

    /** Build the error for an offline request the cache cannot answer. */
    static RegistryException offline(URI registry, String packageName, String what) {
        return new RegistryException(E_OFFLINE, "--offline: " + what + " is not in the cache, and the registry "
            + registry + " is not asked offline", registry.toString(), packageName, 0,
            List.of("run the command once without --offline to fill the cache ($HYPE_HOME/cache)"), null);
    }

    /** Build the error for a malformed document. */
    static RegistryException badResponse(URI registry, String packageName, String problem) {
        return new RegistryException(E_BAD_RESPONSE, registry + ": " + problem
            + (packageName == null ? "" : " (package " + packageName + ")"), registry.toString(), packageName, 0,
            List.of(), null);
    }

    /** Build the error for a tarball whose digest differs from the published one. */
    static RegistryException integrity(URI registry, String packageName, String version, String expected,
                                       String actual) {
        return new RegistryException(E_INTEGRITY, "integrity check failed for " + packageName + "@" + version
            + " from " + registry + ": expected " + expected + ", got " + actual, registry.toString(), packageName, 0,
            List.of("the tarball was altered or truncated in transit or in the registry; nothing was kept"), null);
    }
}
