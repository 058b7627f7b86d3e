package dev.hype.pm.ops;

import dev.hype.pm.manifest.PackageName;
import dev.hype.runtime.TerminalText;

/**
 * Hold one {@code NAME[@RANGE]} argument.
 *
 * @param name the package name, scoped names included
 * @param range the range given, or {@code null} when none was
 */
record PackageSpec(String name, String range) {
    /** Split {@code NAME}, {@code NAME@RANGE} or {@code @SCOPE/NAME@RANGE}. */
    static PackageSpec parse(String text) {
        int at = text.lastIndexOf('@');
        PackageSpec spec = at > 0 ? new PackageSpec(text.substring(0, at), text.substring(at + 1))
                : new PackageSpec(text, null);
        PackageName.require(spec.name(), "argument '" + TerminalText.escape(text) + "'");
        return spec;
    }
}
