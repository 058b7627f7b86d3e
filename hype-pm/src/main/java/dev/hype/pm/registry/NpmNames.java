package dev.hype.pm.registry;

/**
 * Put package names into registry URLs. Kept apart from {@link NpmProtocol}, whose {@code ObjectMapper} a packument
 * answered from the cache does not need (building one costs more than the rest of {@code hype pkg info}).
 */
final class NpmNames {
    private NpmNames() {
    }

    /** Escape a package name for a URL path: {@code @scope/name} becomes {@code @scope%2fname}. */
    static String escape(String name) {
        return name.replace("/", "%2f");
    }
}
