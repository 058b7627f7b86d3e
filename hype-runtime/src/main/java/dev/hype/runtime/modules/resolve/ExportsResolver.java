package dev.hype.runtime.modules.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Resolve {@code exports} and {@code imports} maps with Node's semantics: exact subpaths, the
 * {@code "."} sugar, {@code *} patterns ordered by Node's pattern-key comparison, {@code null}
 * exclusions, conditions matched in the target's key order, and arrays as fallbacks.
 *
 * <p>The result is a path inside the package; whether a file exists there is the caller's
 * question.
 */
final class ExportsResolver {
    /** A segment a target or a pattern match may not contain: {@code .}, {@code ..}, a modules directory. */
    private static final Pattern INVALID_SEGMENT = Pattern.compile(
            "(^|[\\\\/])((\\.|%2e)(\\.|%2e)?|(n|%6e|%4e)(o|%6f|%4f)(d|%64|%44)(e|%65|%45)(_|%5f)(m|%6d|%4d)(o|%6f|%4f)"
                    + "(d|%64|%44)(u|%75|%55)(l|%6c|%4c)(e|%65|%45)(s|%73|%53)|hype_modules)([\\\\/]|$)",
            Pattern.CASE_INSENSITIVE);

    private final Set<String> conditions;
    private final BiFunction<String, Path, Path> packageResolver;

    /**
     * Create a resolver.
     *
     * @param conditions      the active conditions; {@code default} always matches
     * @param packageResolver resolves a bare {@code imports} target from a package directory
     */
    ExportsResolver(Set<String> conditions, BiFunction<String, Path, Path> packageResolver) {
        this.conditions = Set.copyOf(conditions);
        this.packageResolver = packageResolver;
    }

    /** The outcome of resolving one target: a path, or {@code null} as an explicit exclusion. */
    private record Outcome(Path path) {
        static final Outcome EXCLUDED = new Outcome(null);
    }

    /** Resolve {@code subpath} ({@code .} or {@code ./x}) through the package's {@code exports}. */
    Path resolveExport(PackageJson pkg, String subpath) {
        JsonNode exports = pkg.exports();
        if (exports.isTextual() || exports.isArray() || !hasDotKeys(exports)) {
            exports = new com.fasterxml.jackson.databind.node.ObjectNode(
                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance, new java.util.LinkedHashMap<>(
                            Map.of(".", exports)));
        }
        if (exports.has(subpath) && !subpath.contains("*") && !subpath.endsWith("/")) {
            Outcome outcome = resolveTarget(pkg, exports.get(subpath), "", subpath, false, false);
            if (outcome == null || outcome.path() == null) {
                throw PackageResolutionException.notExported(subpath, pkg.file(), pkg.name());
            }
            return outcome.path();
        }
        Match match = bestPattern(exports, subpath);
        if (match != null) {
            Outcome outcome = resolveTarget(pkg, exports.get(match.key()), match.substitution(), match.key(), true, false);
            if (outcome == null || outcome.path() == null) {
                throw PackageResolutionException.notExported(subpath, pkg.file(), pkg.name());
            }
            return outcome.path();
        }
        throw PackageResolutionException.notExported(subpath, pkg.file(), pkg.name());
    }

    /** Resolve {@code #name} through the package's {@code imports}. */
    Path resolveImport(PackageJson pkg, String name, Path from) {
        if (name.equals("#") || name.startsWith("#/") || name.endsWith("/")) {
            throw PackageResolutionException.invalidSpecifier(name, "not a valid internal imports specifier name", from);
        }
        JsonNode imports = pkg == null ? null : pkg.imports();
        if (imports != null) {
            if (imports.has(name) && !name.contains("*")) {
                Outcome outcome = resolveTarget(pkg, imports.get(name), "", name, false, true);
                if (outcome != null && outcome.path() != null) {
                    return outcome.path();
                }
            } else {
                Match match = bestPattern(imports, name);
                if (match != null) {
                    Outcome outcome = resolveTarget(pkg, imports.get(match.key()), match.substitution(), match.key(),
                            true, true);
                    if (outcome != null && outcome.path() != null) {
                        return outcome.path();
                    }
                }
            }
        }
        throw PackageResolutionException.importNotDefined(name, pkg == null ? null : pkg.file(), from);
    }

    private record Match(String key, String substitution) { }

    /** Pick the most specific {@code *} key matching {@code request}, as Node does. */
    private static Match bestPattern(JsonNode map, String request) {
        String best = "";
        String substitution = null;
        for (Iterator<String> keys = map.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            int star = key.indexOf('*');
            if (star < 0 || !request.startsWith(key.substring(0, star))) {
                continue;
            }
            String trailer = key.substring(star + 1);
            if (request.length() >= key.length() && request.endsWith(trailer)
                    && patternKeyCompare(best, key) == 1 && key.lastIndexOf('*') == star) {
                best = key;
                substitution = request.substring(star, request.length() - trailer.length());
            }
        }
        return substitution == null ? null : new Match(best, substitution);
    }

    /** Order pattern keys as Node's {@code PATTERN_KEY_COMPARE}: longer prefix first, then longer key. */
    static int patternKeyCompare(String a, String b) {
        int aStar = a.indexOf('*');
        int bStar = b.indexOf('*');
        int baseA = aStar == -1 ? a.length() : aStar + 1;
        int baseB = bStar == -1 ? b.length() : bStar + 1;
        if (baseA > baseB) {
            return -1;
        }
        if (baseB > baseA) {
            return 1;
        }
        if (aStar == -1) {
            return 1;
        }
        if (bStar == -1) {
            return -1;
        }
        return Integer.compare(b.length(), a.length());
    }

    /** Resolve one target; null means no condition matched (Node's {@code undefined}). */
    private Outcome resolveTarget(PackageJson pkg, JsonNode target, String subpath, String key,
                                  boolean pattern, boolean internal) {
        if (target.isTextual()) {
            return new Outcome(resolveTargetString(pkg, target.asText(), subpath, key, pattern, internal));
        }
        if (target.isArray()) {
            return resolveFallbacks(pkg, target, subpath, key, pattern, internal);
        }
        if (target.isObject()) {
            return resolveConditions(pkg, target, subpath, key, pattern, internal);
        }
        if (target.isNull()) {
            return Outcome.EXCLUDED;
        }
        throw PackageResolutionException.invalidTarget(key, target, pkg.file(), internal);
    }

    private Outcome resolveFallbacks(PackageJson pkg, JsonNode targets, String subpath, String key,
                                     boolean pattern, boolean internal) {
        if (targets.isEmpty()) {
            return Outcome.EXCLUDED;
        }
        PackageResolutionException last = null;
        boolean lastExcluded = false;
        for (JsonNode item : targets) {
            Outcome outcome;
            try {
                outcome = resolveTarget(pkg, item, subpath, key, pattern, internal);
            } catch (PackageResolutionException e) {
                if (!e.code().equals("ERR_INVALID_PACKAGE_TARGET")) {
                    throw e;
                }
                last = e;
                lastExcluded = false;
                continue;
            }
            if (outcome == null) {
                continue;
            }
            if (outcome.path() == null) {
                last = null;
                lastExcluded = true;
                continue;
            }
            return outcome;
        }
        if (last != null) {
            throw last;
        }
        return lastExcluded ? Outcome.EXCLUDED : null;
    }

    private Outcome resolveConditions(PackageJson pkg, JsonNode target, String subpath, String key,
                                      boolean pattern, boolean internal) {
        for (Iterator<String> names = target.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (isArrayIndex(name)) {
                throw PackageConfigException.invalidField(pkg.file(), internal ? "imports" : "exports",
                        "conditions cannot be numeric property keys (\"" + name + "\")");
            }
        }
        for (Map.Entry<String, JsonNode> entry : target.properties()) {
            if (entry.getKey().equals("default") || conditions.contains(entry.getKey())) {
                Outcome outcome = resolveTarget(pkg, entry.getValue(), subpath, key, pattern, internal);
                if (outcome != null) {
                    return outcome;
                }
            }
        }
        return null;
    }

    private Path resolveTargetString(PackageJson pkg, String target, String subpath, String key,
                                     boolean pattern, boolean internal) {
        Path packageDir = pkg.directory();
        if (!target.startsWith("./")) {
            if (internal && !target.startsWith("../") && !target.startsWith("/") && !looksLikeUrl(target)) {
                String request = pattern ? target.replace("*", subpath) : target + subpath;
                return packageResolver.apply(request, packageDir);
            }
            throw PackageResolutionException.invalidTarget(key, "\"" + target + "\"", pkg.file(), internal);
        }
        if (INVALID_SEGMENT.matcher(target.substring(2)).find() && !onlyEmptySegments(target.substring(2))) {
            throw PackageResolutionException.invalidTarget(key, "\"" + target + "\"", pkg.file(), internal);
        }
        Path resolved = packageDir.resolve(target.substring(2)).normalize();
        if (!resolved.startsWith(packageDir)) {
            throw PackageResolutionException.invalidTarget(key, "\"" + target + "\"", pkg.file(), internal);
        }
        if (subpath.isEmpty()) {
            return resolved;
        }
        if (INVALID_SEGMENT.matcher(subpath).find() && !onlyEmptySegments(subpath)) {
            String request = pattern ? key.replace("*", subpath) : key + subpath;
            throw PackageResolutionException.invalidSpecifier(request,
                    "request is not a valid match in pattern \"" + key + "\" for " + pkg.file(), null);
        }
        String substituted = pattern ? target.replace("*", subpath) : target + subpath;
        return packageDir.resolve(substituted.substring(2)).normalize();
    }

    /** Return whether every invalid segment in {@code text} is merely empty ({@code a//b}), which Node allows. */
    private static boolean onlyEmptySegments(String text) {
        for (String segment : text.split("[\\\\/]", -1)) {
            String lower = segment.toLowerCase(Locale.ROOT).replace("%2e", ".");
            if (lower.equals(".") || lower.equals("..") || lower.equals("node_modules") || lower.equals("hype_modules")
                    || decodes(lower).equals("node_modules")) {
                return false;
            }
        }
        return true;
    }

    private static String decodes(String text) {
        try {
            return java.net.URLDecoder.decode(text.replace("+", "%2b"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static boolean looksLikeUrl(String target) {
        return target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
    }

    private static boolean isArrayIndex(String key) {
        if (key.isEmpty() || key.length() > 10) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (!Character.isDigit(key.charAt(i))) {
                return false;
            }
        }
        long value = Long.parseLong(key);
        return value < 4294967295L && String.valueOf(value).equals(key);
    }

    private static boolean hasDotKeys(JsonNode exports) {
        for (Iterator<String> keys = exports.fieldNames(); keys.hasNext(); ) {
            if (keys.next().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
