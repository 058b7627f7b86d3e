package dev.hype.runtime.modules.resolve;

import java.util.function.Predicate;

/** Classify a {@code require} id: built-in, file path, {@code #import}, or bare package name. */
public sealed interface Specifier {

    /** Return the id exactly as written. */
    String text();

    /** A built-in module, named with or without the {@code hype:} prefix. */
    record Builtin(String text, String name) implements Specifier { }

    /** A path: relative ({@code ./}, {@code ../}, {@code .}, {@code ..}) or absolute. */
    record FilePath(String text, boolean absolute) implements Specifier {
        /** Return whether the path names a directory only, as {@code ./lib/} or {@code ..} do. */
        public boolean directoryOnly() {
            return text.endsWith("/") || text.equals(".") || text.equals("..")
                    || text.endsWith("/.") || text.endsWith("/..");
        }
    }

    /** An {@code imports} key of the requiring package, such as {@code #utils}. */
    record Import(String text) implements Specifier { }

    /**
     * A bare name: a package and an optional subpath.
     *
     * @param packageName {@code name} or {@code @scope/name}, or null when the id is not a valid
     *                    package name (then only {@code package.path} can find it)
     * @param subpath     {@code .} or {@code ./rest}
     */
    record Bare(String text, String packageName, String subpath) implements Specifier { }

    /** Parse {@code id}; {@code builtin} says which names (prefix stripped) are built-ins. */
    static Specifier parse(String id, Predicate<String> builtin) {
        if (id.isEmpty()) {
            throw PackageResolutionException.invalidSpecifier(id, "the id is empty", null);
        }
        if (id.startsWith("hype:")) {
            return new Builtin(id, id.substring("hype:".length()));
        }
        if (builtin.test(id)) {
            return new Builtin(id, id);
        }
        if (id.equals(".") || id.equals("..") || id.startsWith("./") || id.startsWith("../")) {
            return new FilePath(id, false);
        }
        if (id.startsWith("/")) {
            return new FilePath(id, true);
        }
        if (id.startsWith("#")) {
            return new Import(id);
        }
        return bare(id);
    }

    /** Node's package-name pattern: an optional scope, then a name not starting with a dot. */
    java.util.regex.Pattern PACKAGE_NAME =
            java.util.regex.Pattern.compile("^((?:@[^/\\\\%]+/)?[^./\\\\%][^/\\\\%]*)(/.*)?$");

    /**
     * A segment of a bare id that would leave the package: {@code .} or {@code ..}, also
     * percent-encoded, or an encoded separator. Node refuses these in a package's subpath.
     */
    java.util.regex.Pattern LEAVING_SEGMENT = java.util.regex.Pattern.compile(
            "(^|/)(\\.|%2e)(\\.|%2e)?(/|$)|%2f|%5c|\\\\", java.util.regex.Pattern.CASE_INSENSITIVE);

    private static Bare bare(String id) {
        if (LEAVING_SEGMENT.matcher(id).find()) {
            throw PackageResolutionException.invalidSpecifier(id, "a package name and its subpath may not hold"
                    + " '.' or '..' segments, encoded or not, encoded separators or backslashes", null);
        }
        java.util.regex.Matcher m = PACKAGE_NAME.matcher(id);
        if (!m.matches()) {
            return new Bare(id, null, ".");
        }
        return new Bare(id, m.group(1), m.group(2) == null ? "." : "." + m.group(2));
    }
}
